using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>
/// Delivers one queued work-notification call: sends the dispatch's frozen message to the call's
/// recipients, saves DingTalk's task id the moment it is accepted, then records who it reached and,
/// for a call to listed people, queues the collection of DingTalk's per-recipient result.
/// </summary>
/// <remarks>
/// A call that already has a task id is never sent again. A crash between DingTalk accepting and the
/// task id being saved does resend it; DingTalk drops the same content to the same person on the same
/// day, so nobody sees it twice (docs/decisions/0009-notification-idempotence.md).
/// </remarks>
public sealed class NotificationSender(
    IDbContextFactory<PortalDb> dbFactory,
    WorkNotificationClient notifications,
    IOptionsMonitor<DeliveryOptions> options,
    TimeProvider time,
    ILogger<NotificationSender> logger) : IOutboxHandler
{
    public string Kind => NotificationQueue.SendKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var callId = OutboxPayload.Id(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var call = await db.NotificationCalls.SingleOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            // The item was deleted, and its dispatches with it: nothing is left to announce.
            logger.CallGone(callId);
            return;
        }

        var dispatch = await db.NotificationDispatches.AsNoTracking().Where(d => d.Id == call.DispatchId)
            .Select(d => new { d.ArticleId, d.Message }).SingleAsync(cancellationToken);
        if (call.TaskId is null)
        {
            var notification = Notification(call, FrozenMessage.Read(dispatch.Message));
            var taskId = await DingTalkRefusals.CallAsync(() => notifications.SendAsync(notification, cancellationToken));

            // Accepted is final: saved on its own and even while the host stops, so a redelivery never sends again.
            call.Sent(taskId, Now());
            await db.SaveChangesAsync(CancellationToken.None);
        }
        else
        {
            // Redelivered after the send: only what the crash may have cut short is done again.
            var resultKey = ResultKey(call.Id);
            if (call.UserIds.Length > 0 && await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == resultKey, cancellationToken))
            {
                return;
            }
        }

        await RecordAsync(db, dispatch.ArticleId, call, cancellationToken);
    }

    public static string ResultKey(Guid callId) => $"{SendResultCollector.KindName}:{callId:D}";

    private static WorkNotification Notification(NotificationCall call, WorkMessage message) => new(message)
    {
        ToAllUsers = call.ToAllUsers,
        DeptIds = call.DepartmentIds.Length == 0 ? [] : [.. call.DepartmentIds.Split(',').Select(id => long.Parse(id, CultureInfo.InvariantCulture))],
        UserIds = call.UserIds.Length == 0 ? [] : call.UserIds.Split(','),
    };

    /// <summary>Receipts and the result collection commit together; repeating this after a crash changes nothing.</summary>
    private async Task RecordAsync(PortalDb db, Guid articleId, NotificationCall call, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var receipts = await SentReceipts.RecordAsync(db, articleId, call, call.SentAt ?? now, cancellationToken);

        // DingTalk reports per-recipient results only for calls of at most 100 listed people.
        if (call.UserIds.Length > 0)
        {
            var due = now.AddSeconds(options.CurrentValue.ResultDelaySeconds);

            // Created as of when it falls due: the relay takes a message once its time has come.
            db.OutboxMessages.Add(new OutboxMessage(SendResultCollector.KindName, call.Id.ToString("D"), ResultKey(call.Id), due));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.CallAccepted(call.Id, call.TaskId, receipts);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
