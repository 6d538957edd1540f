using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Delivery;

namespace Portal.Web.Features.Content.Workflow;

public sealed record PublishOutcome(ContentStatus Status, SendPlan? Plan);

/// <summary>
/// Publishes an approved item now or at a time, or publishes an approved revision into the live item.
/// Going live and queueing its DingTalk push commit together, so a published item is never left
/// without its notification, nor a notification sent for an item that did not go live.
/// </summary>
public sealed class PublishArticle(IDbContextFactory<PortalDb> dbFactory, SendPlanner planner, ContentLinks links, TimeProvider time)
{
    /// <param name="confirmed">The publisher saw a warning-level plan and went ahead.</param>
    public async Task<PublishOutcome> RunAsync(Guid articleId, Guid by, DateTime? publishAt, bool confirmed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await db.Articles.Include(a => a.History).SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken)
            ?? throw new ContentWorkflowException("not-found", "No such item.");
        var now = Now();
        if (article.RevisionOfId is { } liveId)
        {
            var live = await db.Articles.Include(a => a.History).SingleAsync(a => a.Id == liveId, cancellationToken);
            live.ApplyRevision(article, by, now);
            await MoveFilesAsync(db, article.Id, live.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new PublishOutcome(live.Status, null);
        }

        article.Publish(by, now, publishAt);
        var plan = article.Status == ContentStatus.Published ? await QueueAsync(db, article, by, confirmed, cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        return new PublishOutcome(article.Status, plan);
    }

    /// <summary>The scheduler's pass: every approved item whose time has come goes live with its push.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var due = await db.Articles.Include(a => a.History)
            .Where(a => a.Status == ContentStatus.Approved && a.PublishAt != null && a.PublishAt <= now)
            .ToListAsync(cancellationToken);
        foreach (var article in due.Where(a => a.PublishIfDue(now)))
        {
            // The publisher accepted the plan when scheduling; only a hard refusal stops it now.
            await QueueAsync(db, article, null, confirmed: true, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private async Task<SendPlan?> QueueAsync(PortalDb db, Article article, Guid? by, bool confirmed, CancellationToken cancellationToken)
    {
        if (!article.Notify)
        {
            return null;
        }

        var audience = await db.Audiences.Include(a => a.Rules).SingleAsync(a => a.Id == article.AudienceId, cancellationToken);
        var plan = await planner.ForAudienceAsync(db, audience, cancellationToken);
        if (plan.Verdict == SendVerdict.Refuse)
        {
            throw new ContentWorkflowException("send-refused", $"The push needs {plan.CallCount} DingTalk calls; {plan.QuotaLeft} are left this month and the limit per push is configured lower.");
        }

        if (plan.Verdict == SendVerdict.Warn && !confirmed)
        {
            throw new ContentWorkflowException("confirm-send", $"The push needs {plan.CallCount} DingTalk calls; confirm to send.");
        }

        if (plan.CallCount > 0)
        {
            NotificationQueue.Enqueue(db, article.Id, DispatchPurpose.Publish, ArticleMessages.Published(article, links.Item(article.Id)), plan, by, Now());
        }

        return plan;
    }

    private static async Task MoveFilesAsync(PortalDb db, Guid fromRevision, Guid toLive, CancellationToken cancellationToken)
    {
        var replaced = await db.ContentFiles.Where(f => f.ArticleId == toLive).ToListAsync(cancellationToken);
        db.ContentFiles.RemoveRange(replaced);
        var revised = await db.ContentFiles.Where(f => f.ArticleId == fromRevision).ToListAsync(cancellationToken);
        revised.ForEach(f => f.ArticleId = toLive);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
