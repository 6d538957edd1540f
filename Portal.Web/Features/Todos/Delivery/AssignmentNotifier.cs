using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Domain.Todos;
using Portal.Web.Features.Outbox;
using Portal.Web.Infrastructure.Time;

namespace Portal.Web.Features.Todos.Delivery;

/// <summary>
/// Tells a new assignee about a to-do with a DingTalk work notification, once: an assignee whose
/// notification is recorded is never sent another. A crash between DingTalk accepting and the record
/// being saved does resend; DingTalk drops the same content to the same person on the same day.
/// </summary>
public sealed class AssignmentNotifier(
    IDbContextFactory<PortalDb> dbFactory,
    WorkNotificationClient notifications,
    TodoLinks links,
    PortalClock clock,
    TimeProvider time,
    ILogger<AssignmentNotifier> logger) : IOutboxHandler
{
    public string Kind => TodoOutbox.AssignedKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = TodoOutboxPayload.Read<TodoOutbox.AssignedPayload>(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assignee = await db.TodoAssignees.SingleOrDefaultAsync(a => a.TodoId == payload.TodoId && a.PersonId == payload.PersonId, cancellationToken);
        if (assignee is null || assignee.NotifiedAt is not null)
        {
            // Unassigned since, or already told.
            return;
        }

        var todo = await db.Todos.AsNoTracking().SingleOrDefaultAsync(t => t.Id == payload.TodoId, cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == payload.PersonId).Select(p => new { p.UserId, p.Active }).SingleOrDefaultAsync(cancellationToken);
        if (todo is null || todo.Status != TodoStatus.Pending || person is not { Active: true })
        {
            logger.AssignmentSkipped(payload.TodoId, payload.PersonId);
            return;
        }

        var due = todo.DueAt is { } at ? clock.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))) : (DateTimeOffset?)null;
        var notification = new WorkNotification(TodoMessages.Assigned(todo, links, due)) { UserIds = [person.UserId] };
        var taskId = await DingTalkRefusals.CallAsync(() => notifications.SendAsync(notification, cancellationToken));

        // Accepted is final: saved even while the host stops, so a redelivery never sends again.
        assignee.NotifiedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        logger.AssignmentSent(todo.Id, payload.PersonId, taskId);
    }
}
