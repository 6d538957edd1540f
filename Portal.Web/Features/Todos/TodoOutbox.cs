using System.Globalization;
using System.Text.Json;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Domain.Todos;

namespace Portal.Web.Features.Todos;

/// <summary>
/// What a change to a to-do owes the outside world, queued in the caller's unit of work: a DingTalk
/// notification to each new assignee, the DingTalk to-do mirror brought up to date, and the decision
/// posted to the owning system's webhook. Handlers of these kinds do the sending.
/// </summary>
public static class TodoOutbox
{
    public const string AssignedKind = "todo.assigned";
    public const string MirrorKind = "todo.mirror";
    public const string DecisionKind = "todo.decision";

    public sealed record AssignedPayload(Guid TodoId, Guid PersonId);

    public sealed record TodoPayload(Guid TodoId);

    public static void Assigned(PortalDb db, Todo todo, Guid personId, DateTime at) =>
        db.OutboxMessages.Add(new OutboxMessage(AssignedKind, JsonSerializer.Serialize(new AssignedPayload(todo.Id, personId)), $"{AssignedKind}:{todo.Id:D}:{personId:D}", at));

    /// <summary>One per change: the handler reads the to-do as it is then, so a late one only repeats the latest state.</summary>
    public static void Mirror(PortalDb db, Todo todo, DateTime at) =>
        db.OutboxMessages.Add(new OutboxMessage(MirrorKind, JsonSerializer.Serialize(new TodoPayload(todo.Id)), $"{MirrorKind}:{todo.Id:D}:{at.Ticks.ToString(CultureInfo.InvariantCulture)}:{Guid.NewGuid():N}", at));

    /// <summary>At most one per to-do: a decision is taken once.</summary>
    public static void Decision(PortalDb db, Todo todo, DateTime at) =>
        db.OutboxMessages.Add(new OutboxMessage(DecisionKind, JsonSerializer.Serialize(new TodoPayload(todo.Id)), $"{DecisionKind}:{todo.Id:D}", at));
}
