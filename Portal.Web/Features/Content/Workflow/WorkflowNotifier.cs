using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Domain.Todos;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Content.Workflow;

/// <summary>
/// Sends a queued <see cref="WorkflowNotice"/> to its one person. An approver's notice is sent once, and
/// not at all once the review to-do it announces is closed: nobody is called to a review already decided.
/// A crash between DingTalk accepting and the send being recorded does resend; DingTalk drops the same
/// content to the same person on the same day.
/// </summary>
public sealed class WorkflowNotifier(
    IDbContextFactory<PortalDb> dbFactory,
    WorkNotificationClient notifications,
    TimeProvider time,
    ILogger<WorkflowNotifier> logger) : IOutboxHandler
{
    public string Kind => WorkflowNotice.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var notice = Read(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var todo = notice.ReviewTodoId is { } todoId ? await db.ReviewTodos.SingleOrDefaultAsync(t => t.Id == todoId, cancellationToken) : null;
        var person = await db.People.AsNoTracking().Where(p => p.Id == notice.PersonId).Select(p => new { p.UserId, p.Active }).SingleOrDefaultAsync(cancellationToken);
        var stale = notice.ReviewTodoId is not null && todo is not { Status: TodoStatus.Pending, NotifiedAt: null };
        if (stale || person is not { Active: true } || person.UserId.Length == 0)
        {
            logger.NoticeSkipped(notice.PersonId);
            return;
        }

        var notification = new WorkNotification(FrozenMessage.Read(notice.Message)) { UserIds = [person.UserId] };
        var taskId = await DingTalkRefusals.CallAsync(() => notifications.SendAsync(notification, cancellationToken));
        if (todo is not null)
        {
            // Accepted is final: saved even while the host stops, so a redelivery never sends again.
            todo.Notified(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        logger.NoticeSent(notice.PersonId, taskId);
    }

    private static WorkflowNotice Read(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowNotice>(message.Payload) ?? throw new PermanentDeliveryException($"Payload of {message.Kind} is empty.");
        }
        catch (JsonException error)
        {
            throw new PermanentDeliveryException($"Payload of {message.Kind} is not readable: {error.Message}", error);
        }
    }
}
