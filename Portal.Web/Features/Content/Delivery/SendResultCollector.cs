using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>
/// Collects what DingTalk did with each recipient of a call to listed people: read, silently dropped
/// (with DingTalk's code: 143105 daily cap, 143106 same content already received today), or failed.
/// Only the notification outcome changes; whether someone read the item in the portal is its own record.
/// </summary>
public sealed class SendResultCollector(
    IDbContextFactory<PortalDb> dbFactory,
    WorkNotificationClient notifications,
    TimeProvider time,
    ILogger<SendResultCollector> logger) : IOutboxHandler
{
    public const string KindName = "content.send-result";

    /// <summary>DingTalk answers for a task up to a day after it was sent (reference §4).</summary>
    public static readonly TimeSpan ResultWindow = TimeSpan.FromHours(24);

    public string Kind => KindName;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var callId = OutboxPayload.Id(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var call = await db.NotificationCalls.SingleOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return;
        }

        var taskId = call.TaskId ?? throw new PermanentDeliveryException($"Notification call {callId} was never accepted; it has no result.");
        var now = time.GetUtcNow().UtcDateTime;
        if (call.SentAt is { } sent && now - sent >= ResultWindow)
        {
            // Asking would only spend a call of the monthly quota on a refusal; the receipts stay as sent.
            logger.ResultExpired(taskId);
            return;
        }

        var result = await DingTalkRefusals.CallAsync(() => notifications.GetSendResultAsync(taskId, cancellationToken));
        var outcomes = Outcomes(result);
        var articleId = await db.NotificationDispatches.Where(d => d.Id == call.DispatchId).Select(d => d.ArticleId).SingleAsync(cancellationToken);
        var userIds = outcomes.Keys.ToList();
        var people = await db.People.Where(p => userIds.Contains(p.UserId)).Select(p => new { p.Id, p.UserId }).ToListAsync(cancellationToken);
        var personIds = people.Select(p => p.Id).ToList();
        var receipts = await db.ArticleReceipts.Where(r => r.ArticleId == articleId && personIds.Contains(r.PersonId))
            .ToDictionaryAsync(r => r.PersonId, cancellationToken);
        foreach (var person in people)
        {
            if (!receipts.TryGetValue(person.Id, out var receipt))
            {
                receipt = new ArticleReceipt { ArticleId = articleId, PersonId = person.Id };
                db.ArticleReceipts.Add(receipt);
            }

            var (outcome, code) = outcomes[person.UserId];
            receipt.Notified(outcome, code, call.SentAt ?? now);
        }

        call.ResultCollected(now);
        await db.SaveChangesAsync(cancellationToken);
        logger.ResultCollected(
            taskId,
            outcomes.Values.Count(o => o.Outcome == NotificationOutcome.Read), outcomes.Values.Count(o => o.Outcome == NotificationOutcome.Forbidden),
            outcomes.Values.Count(o => o.Outcome == NotificationOutcome.Failed));
    }

    /// <summary>Each recipient once; read outranks a drop, which outranks a failure, which outranks plain delivery.</summary>
    private static Dictionary<string, (NotificationOutcome Outcome, string? Code)> Outcomes(SendResult result)
    {
        var outcomes = new Dictionary<string, (NotificationOutcome Outcome, string? Code)>(StringComparer.Ordinal);
        foreach (var userId in result.UnreadUserIds)
        {
            outcomes[userId] = (NotificationOutcome.Sent, null);
        }

        foreach (var userId in result.FailedUserIds.Concat(result.InvalidUserIds))
        {
            outcomes[userId] = (NotificationOutcome.Failed, null);
        }

        foreach (var userId in result.ForbiddenUserIds)
        {
            outcomes[userId] = (NotificationOutcome.Forbidden, null);
        }

        foreach (var dropped in result.ForbiddenList)
        {
            outcomes[dropped.UserId] = (NotificationOutcome.Forbidden, dropped.Code);
        }

        foreach (var userId in result.ReadUserIds)
        {
            outcomes[userId] = (NotificationOutcome.Read, null);
        }

        return outcomes;
    }
}
