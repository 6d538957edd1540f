using System.Text.Json.Nodes;
using Portal.DingTalk.Simulator.Inbox;
using Portal.DingTalk.Simulator.Org;
using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator;

public sealed record SimulatedPerson(string UserId, string UnionId, string Name, string? Title, string? Department, bool Active);

/// <param name="Message">The work notification's <c>msg</c> (<c>msgtype</c> plus that type's content), a copy the caller may keep.</param>
public sealed record SimulatedMessage(
    long Id, long TaskId, long AgentId, string MsgType, JsonObject Message, DateTimeOffset SentAt, bool Read, DateTimeOffset? ReadAt, bool Recalled);

/// <param name="Roles">The person's roles on the to-do: <c>creator</c>, <c>executor</c>, <c>participant</c>.</param>
/// <param name="DoneForMe">Done as this person sees it: the whole to-do, or their own part as executor.</param>
public sealed record SimulatedTodo(
    string Id,
    string Subject,
    string? Description,
    DateTimeOffset? Due,
    int? Priority,
    bool Done,
    bool DoneForMe,
    IReadOnlyList<string> Roles,
    string? AppUrl,
    string? PcUrl,
    string? SourceId,
    DateTimeOffset Created);

/// <param name="RemindType">1 in-app, 2 SMS, 3 phone call.</param>
public sealed record SimulatedDing(string OpenDingId, int RemindType, string Content, DateTimeOffset SentAt, bool Recalled);

/// <summary>
/// What the simulated organisation's people received, for the simulated phone and the control API:
/// people, their work notifications (with read state), to-dos and DINGs. Null answers mean no such person.
/// </summary>
public sealed class SimulatedInboxes
{
    private readonly SimulatorState state;
    private readonly TimeProvider time;

    internal SimulatedInboxes(SimulatorState state, TimeProvider time)
    {
        this.state = state;
        this.time = time;
    }

    /// <summary>Raised after any change to the simulator's state, on the thread that made it.</summary>
    public event Action? Changed
    {
        add => state.Changed += value;
        remove => state.Changed -= value;
    }

    public IReadOnlyList<SimulatedPerson> People() =>
        state.Read(org => org.Users
            .Select(u => new SimulatedPerson(u.UserId, u.UnionId, u.Name, u.Title, u.DeptIds.Select(id => org.Department(id)?.Name).FirstOrDefault(), u.Active))
            .ToList());

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SimulatedMessage>? Messages(string userId) =>
        state.Read((org, inboxes) => org.User(userId) is null
            ? null
            : inboxes.MessagesOf(userId).Reverse().Select(m => View(inboxes, m)).ToList());

    /// <summary>Opens the message: it is read from now on. Null when the person or message does not exist.</summary>
    public SimulatedMessage? MarkRead(string userId, long messageId)
    {
        var found = state.Read((org, inboxes) => Find(org, inboxes, userId, messageId) is { } message ? View(inboxes, message) : null);
        if (found is null || found.Read)
        {
            return found;
        }

        var now = time.GetUtcNow();
        return state.Write((org, inboxes) =>
        {
            if (Find(org, inboxes, userId, messageId) is not { } message)
            {
                return null;
            }

            if (!message.Read)
            {
                message.Read = true;
                message.ReadAt = now;
            }

            return View(inboxes, message);
        });
    }

    /// <summary>To-dos the person created, carries out or takes part in; newest first.</summary>
    public IReadOnlyList<SimulatedTodo>? Todos(string userId) =>
        state.Read((org, inboxes) => org.User(userId) is not { } user
            ? null
            : inboxes.TodosOf(user.UnionId).OrderByDescending(t => t.CreatedTime).Select(t => View(t, user)).ToList());

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SimulatedDing>? Dings(string userId) =>
        state.Read((org, inboxes) => org.User(userId) is null
            ? null
            : inboxes.DingsOf(userId).Reverse().Select(d => new SimulatedDing(d.OpenDingId, d.RemindType, d.Content, d.SentAt, d.Recalled)).ToList());

    private static InboxMessage? Find(Organisation org, Inboxes inboxes, string userId, long messageId) =>
        org.User(userId) is null ? null : inboxes.MessagesOf(userId).FirstOrDefault(m => m.Id == messageId);

    private static SimulatedMessage View(Inboxes inboxes, InboxMessage m) =>
        new(m.Id, m.TaskId, m.AgentId, m.MsgType, (JsonObject)inboxes.ContentOf(m).DeepClone(), m.SentAt, m.Read, m.ReadAt, m.Recalled);

    private static SimulatedTodo View(SimTodo todo, SimUser user)
    {
        var roles = new List<string>();
        if (todo.CreatorId == user.UnionId)
        {
            roles.Add("creator");
        }

        if (todo.ExecutorIds.Contains(user.UnionId))
        {
            roles.Add("executor");
        }

        if (todo.ParticipantIds.Contains(user.UnionId))
        {
            roles.Add("participant");
        }

        return new SimulatedTodo(
            todo.Id,
            todo.Subject,
            todo.Description,
            todo.DueTime is { } due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : null,
            todo.Priority,
            todo.Done,
            todo.IsDoneFor(user.UnionId),
            roles,
            todo.AppUrl,
            todo.PcUrl,
            todo.SourceId,
            DateTimeOffset.FromUnixTimeMilliseconds(todo.CreatedTime));
    }
}
