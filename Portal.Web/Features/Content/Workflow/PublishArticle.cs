using System.Globalization;
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
public sealed class PublishArticle(IDbContextFactory<PortalDb> dbFactory, SendPlanner planner, ContentLinks links, WorkflowEffects effects, TimeProvider time, ILogger<PublishArticle> logger)
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
            await effects.RevisionPublishedAsync(db, live, article, by, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new PublishOutcome(live.Status, null);
        }

        article.Publish(by, now, publishAt);
        SendPlan? plan = null;
        if (article.Status == ContentStatus.Published && article.Notify)
        {
            plan = await PlanAsync(db, article, cancellationToken);
            if (plan.Verdict == SendVerdict.Refuse)
            {
                throw new ContentWorkflowException("send-refused", $"The push needs {plan.CallCount} DingTalk calls; {plan.QuotaLeft} are left this month and the limit per push is configured lower.");
            }

            if (plan.Verdict == SendVerdict.Warn && !confirmed)
            {
                throw new ContentWorkflowException("confirm-send", $"The push needs {plan.CallCount} DingTalk calls; confirm to send.");
            }

            Queue(db, article, plan, by);
        }

        if (article.Status == ContentStatus.Published)
        {
            await effects.PublishedAsync(db, article, by, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PublishOutcome(article.Status, plan);
    }

    /// <summary>
    /// The scheduler's pass: every approved item whose time has come goes live with its push, each on its
    /// own, so one that fails does not hold back the others (it stays due and is tried on the next pass).
    /// </summary>
    /// <returns>How many items went live.</returns>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Articles
                .Where(a => a.Status == ContentStatus.Approved && a.RevisionOfId == null && a.PublishAt != null && a.PublishAt <= now)
                .OrderBy(a => a.PublishAt).Select(a => a.Id).ToListAsync(cancellationToken);
        }

        return await ItemPass.RunAsync(due, id => PublishScheduledAsync(id, now, cancellationToken), logger, "Scheduled publication", cancellationToken);
    }

    /// <summary>
    /// Claims the item with a conditional update first, so when several instances run the scheduler only
    /// one publishes it (and queues one push). The publisher accepted the plan when scheduling; only a hard
    /// refusal stops the push now, and then the item still goes live, its history saying why it was silent.
    /// </summary>
    private async Task<bool> PublishScheduledAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Articles
            .Where(a => a.Id == id && a.Status == ContentStatus.Approved && a.PublishAt != null && a.PublishAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var article = await db.Articles.Include(a => a.History).SingleAsync(a => a.Id == id, cancellationToken);
        if (!article.PublishIfDue(now))
        {
            return false;
        }

        if (article.Notify)
        {
            var plan = await PlanAsync(db, article, cancellationToken);
            if (plan.Verdict == SendVerdict.Refuse)
            {
                article.NotificationWithheld(string.Create(CultureInfo.InvariantCulture, $"send-refused: {plan.CallCount} calls needed, {plan.QuotaLeft} left this month"), now);
                logger.LogWarning("{ArticleId} went live at its scheduled time without its push: {Calls} calls needed, {Left} left", id, plan.CallCount, plan.QuotaLeft);
            }
            else
            {
                Queue(db, article, plan, null);
            }
        }

        await effects.PublishedAsync(db, article, null, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<SendPlan> PlanAsync(PortalDb db, Article article, CancellationToken cancellationToken)
    {
        var audience = await db.Audiences.Include(a => a.Rules).SingleAsync(a => a.Id == article.AudienceId, cancellationToken);
        return await planner.ForAudienceAsync(db, audience, cancellationToken);
    }

    private void Queue(PortalDb db, Article article, SendPlan plan, Guid? by)
    {
        if (plan.CallCount > 0)
        {
            NotificationQueue.Enqueue(db, article.Id, DispatchPurpose.Publish, ArticleMessages.Published(article, links.Item(article.Id)), plan, by, Now());
        }
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
