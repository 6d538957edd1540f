using Portal.DingTalk.Client.Messages;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.Outbox;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>
/// Turns a planned push into rows in the caller's unit of work: a dispatch with its frozen message,
/// one call row per DingTalk call, and one outbox message per call for the relay. Nothing is sent
/// here; the caller's SaveChanges commits the business change and the push together.
/// </summary>
public static class NotificationQueue
{
    public const string SendKind = "content.notification";

    public static NotificationDispatch Enqueue(PortalDb db, Guid articleId, DispatchPurpose purpose, WorkMessage message, SendPlan plan, Guid? by, DateTime at)
    {
        var dispatch = new NotificationDispatch
        {
            ArticleId = articleId,
            Purpose = purpose,
            Message = FrozenMessage.Write(message),
            Recipients = plan.Recipients,
            CreatedById = by,
            CreatedAt = at,
        };
        foreach (var (call, index) in plan.Calls.Select((call, index) => (call, index)))
        {
            var row = new NotificationCall
            {
                DispatchId = dispatch.Id,
                Index = index,
                ToAllUsers = call.ToAllUsers,
                DepartmentIds = string.Join(',', call.DepartmentIds),
                UserIds = string.Join(',', call.UserIds),
            };
            dispatch.Calls.Add(row);
            db.OutboxMessages.Add(new OutboxMessage(SendKind, row.Id.ToString("D"), $"{SendKind}:{row.Id:D}", at));
        }

        db.NotificationDispatches.Add(dispatch);
        return dispatch;
    }
}
