namespace Portal.DingTalk.Simulator.Inbox;

/// <summary>
/// Lookups and changes over <see cref="InboxData"/>. Not thread-safe by itself:
/// <see cref="State.SimulatorState"/> serializes every access, together with the organisation.
/// </summary>
internal sealed class Inboxes(InboxData data)
{
    /// <summary>Send results are kept as long as the longest follow-up call may ask (status bar: 7 days).</summary>
    public static readonly TimeSpan TaskRetention = TimeSpan.FromDays(7);

    /// <summary>Oldest messages beyond this many per person are forgotten, so the saved document stays small.</summary>
    public const int MessagesKeptPerPerson = 1000;

    public InboxData Data { get; } = data;

    public IReadOnlyList<InboxMessage> MessagesOf(string userId) =>
        Data.Messages.TryGetValue(userId, out var messages) ? messages : [];

    public IReadOnlyList<InboxDing> DingsOf(string userId) =>
        Data.Dings.TryGetValue(userId, out var dings) ? dings : [];

    public NotificationTask? Task(long taskId) => Data.Tasks.Find(t => t.TaskId == taskId);

    public long NewTaskId() => Data.NextTaskId++;

    public void Add(NotificationTask task, DateTimeOffset now)
    {
        Data.Tasks.RemoveAll(t => now - t.SentAt > TaskRetention);
        Data.Tasks.Add(task);
    }

    public void Deliver(string userId, InboxMessage message)
    {
        if (!Data.Messages.TryGetValue(userId, out var messages))
        {
            messages = [];
            Data.Messages[userId] = messages;
        }

        message.Id = Data.NextMessageId++;
        messages.Add(message);
        if (messages.Count > MessagesKeptPerPerson)
        {
            messages.RemoveRange(0, messages.Count - MessagesKeptPerPerson);
        }
    }

    /// <summary>Each recipient's copy of a task's message (a copy trimmed from a full inbox is left out).</summary>
    public IEnumerable<(string UserId, InboxMessage Message)> CopiesOf(NotificationTask task)
    {
        foreach (var userId in task.Delivered)
        {
            if (MessagesOf(userId).FirstOrDefault(m => m.TaskId == task.TaskId) is { } copy)
            {
                yield return (userId, copy);
            }
        }
    }

    /// <summary>Messages the person received on a China day: what DingTalk's daily rules count.</summary>
    public IEnumerable<InboxMessage> ReceivedOn(string userId, DateOnly day) =>
        MessagesOf(userId).Where(m => ChinaTime.Day(m.SentAt) == day);

    public SimTodo? Todo(string id) => Data.Todos.Find(t => t.Id == id);

    public SimTodo? TodoBySource(string appKey, string sourceId) => Data.Todos.Find(t => t.AppKey == appKey && t.SourceId == sourceId);

    public IEnumerable<SimTodo> TodosOf(string unionId) => Data.Todos.Where(t => t.Involves(unionId));

    public void Add(SimTodo todo) => Data.Todos.Add(todo);

    public void Remove(SimTodo todo) => Data.Todos.Remove(todo);

    public void Deliver(string userId, InboxDing ding)
    {
        if (!Data.Dings.TryGetValue(userId, out var dings))
        {
            dings = [];
            Data.Dings[userId] = dings;
        }

        dings.Add(ding);
    }

    public IEnumerable<InboxDing> DingCopies(string openDingId) =>
        Data.Dings.Values.SelectMany(dings => dings).Where(d => d.OpenDingId == openDingId);
}
