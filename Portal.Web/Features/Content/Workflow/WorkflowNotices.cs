using System.Text.Json;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Web.Features.Content.Delivery;

namespace Portal.Web.Features.Content.Workflow;

/// <summary>
/// A workflow notification for one person, queued in the caller's unit of work; <see cref="WorkflowNotifier"/>
/// sends it. The message is frozen here, so a retried send is exactly the same (DingTalk then drops the repeat).
/// </summary>
/// <param name="ReviewTodoId">For an approver: the review to-do it announces; once that is closed it is not sent.</param>
public sealed record WorkflowNotice(Guid PersonId, string Message, Guid? ReviewTodoId = null)
{
    public const string Kind = "content.workflow-notice";

    /// <param name="key">What makes it one of a kind: the same key is never queued twice.</param>
    public static void Enqueue(PortalDb db, Guid personId, WorkMessage message, Guid? reviewTodoId, string key, DateTime at) =>
        db.OutboxMessages.Add(new OutboxMessage(
            Kind, JsonSerializer.Serialize(new WorkflowNotice(personId, FrozenMessage.Write(message), reviewTodoId)), $"{Kind}:{key}", at));
}
