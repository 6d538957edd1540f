using Microsoft.EntityFrameworkCore;
using Portal.DingTalk;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Delivery;

public sealed record RemindOutcome(int Reminded, SendPlan Plan);

/// <summary>
/// Pushes a reminder to the people who have not read (or acknowledged) a published item, and only to
/// them. Each reminder says something new (its number and time), since DingTalk drops a message it has
/// already delivered to the same person that day; people reminded today are left for tomorrow.
/// </summary>
public sealed class RemindUnread(IDbContextFactory<PortalDb> dbFactory, SendPlanner planner, ContentLinks links, TimeProvider time)
{
    public async Task<SendPlan> PlanAsync(Guid articleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await LoadAsync(db, articleId, cancellationToken);
        return await planner.ForPeopleAsync(db, await DueAsync(db, article, cancellationToken), cancellationToken);
    }

    public async Task<RemindOutcome> RunAsync(Guid articleId, Guid by, bool confirmed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var article = await LoadAsync(db, articleId, cancellationToken);
        if (article.Status != ContentStatus.Published)
        {
            throw new ContentWorkflowException("not-published", "Only a published item sends reminders.");
        }

        var userIds = await DueAsync(db, article, cancellationToken);
        var plan = await planner.ForPeopleAsync(db, userIds, cancellationToken);
        if (plan.Verdict == SendVerdict.Refuse || (plan.Verdict == SendVerdict.Warn && !confirmed))
        {
            throw new ContentWorkflowException(plan.Verdict == SendVerdict.Refuse ? "send-refused" : "confirm-send", $"The reminder needs {plan.CallCount} DingTalk calls ({plan.QuotaLeft} left this month).");
        }

        if (userIds.Count == 0)
        {
            return new RemindOutcome(0, plan);
        }

        var now = time.GetUtcNow();
        var number = await db.NotificationDispatches.CountAsync(d => d.ArticleId == article.Id && d.Purpose == DispatchPurpose.Reminder, cancellationToken) + 1;
        var message = ArticleMessages.Reminder(article, links.Item(article.Id), number, ChinaTime.Of(now));
        NotificationQueue.Enqueue(db, article.Id, DispatchPurpose.Reminder, message, plan, by, now.UtcDateTime);
        await MarkRemindedAsync(db, article.Id, userIds, now.UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RemindOutcome(userIds.Count, plan);
    }

    private static async Task<Article> LoadAsync(PortalDb db, Guid articleId, CancellationToken cancellationToken) =>
        await db.Articles.SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken)
            ?? throw new ContentWorkflowException("not-found", "No such item.");

    /// <summary>Unread people with a DingTalk account who have not been reminded since the start of today (China time).</summary>
    private async Task<List<string>> DueAsync(PortalDb db, Article article, CancellationToken cancellationToken)
    {
        var todayStart = ChinaTime.DayStart(time.GetUtcNow());
        var remindedToday = db.ArticleReceipts.Where(r => r.ArticleId == article.Id && r.RemindedAt >= todayStart).Select(r => r.PersonId);
        var unread = await UnreadReaders.QueryAsync(db, article, cancellationToken);
        return await unread.Where(p => !remindedToday.Contains(p.Id) && p.UserId != "")
            .OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync(cancellationToken);
    }

    private static async Task MarkRemindedAsync(PortalDb db, Guid articleId, List<string> userIds, DateTime at, CancellationToken cancellationToken)
    {
        foreach (var chunk in userIds.Chunk(500))
        {
            var people = await db.People.Where(p => chunk.Contains(p.UserId)).Select(p => p.Id).ToListAsync(cancellationToken);
            var receipts = await db.ArticleReceipts.Where(r => r.ArticleId == articleId && people.Contains(r.PersonId)).ToDictionaryAsync(r => r.PersonId, cancellationToken);
            foreach (var personId in people)
            {
                if (!receipts.TryGetValue(personId, out var receipt))
                {
                    receipt = new ArticleReceipt { ArticleId = articleId, PersonId = personId };
                    db.ArticleReceipts.Add(receipt);
                }

                receipt.Reminded(at);
            }
        }
    }
}
