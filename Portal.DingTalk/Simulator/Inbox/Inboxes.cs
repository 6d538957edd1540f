using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.DingTalk.Simulator.Inbox;

/// <summary>
/// Lookups and changes over <see cref="InboxData"/>. Not thread-safe by itself:
/// <see cref="State.SimulatorState"/> serializes every access, together with the organisation.
/// </summary>
internal sealed class Inboxes
{
    /// <summary>Send results are kept as long as the longest follow-up call may ask (status bar: 7 days).</summary>
    public static readonly TimeSpan TaskRetention = TimeSpan.FromDays(7);

    /// <summary>Oldest messages beyond this many per person are forgotten, so the saved document stays small.</summary>
    public const int MessagesKeptPerPerson = 1000;

    private Dictionary<long, NotificationTask> tasks;

    // What each person received on their latest China day: DingTalk's daily rules ask this for every
    // recipient of every send, and scanning inboxes would make a message to everyone quadratic.
    private readonly Dictionary<string, DayTally> tallies = new(StringComparer.Ordinal);

    public Inboxes(InboxData data)
    {
        Data = data;
        tasks = data.Tasks.ToDictionary(t => t.TaskId);
        foreach (var (userId, messages) in data.Messages)
        {
            foreach (var message in messages)
            {
                // Documents saved before contents were shared keep a copy of the content on every message.
                if (message.Message is { } own && message.MsgType != "oa")
                {
                    data.Contents.TryAdd(message.ContentKey, own);
                    message.Message = null;
                }

                Count(userId, message);
            }
        }
    }

    public InboxData Data { get; }

    public IReadOnlyList<InboxMessage> MessagesOf(string userId) =>
        Data.Messages.TryGetValue(userId, out var messages) ? messages : [];

    /// <summary>The <c>msg</c> the person sees: the copy's own, or the shared content.</summary>
    public JsonObject ContentOf(InboxMessage message) =>
        message.Message ?? (Data.Contents.TryGetValue(message.ContentKey, out var content) ? content : []);

    public IReadOnlyList<InboxDing> DingsOf(string userId) =>
        Data.Dings.TryGetValue(userId, out var dings) ? dings : [];

    public NotificationTask? Task(long taskId) => tasks.GetValueOrDefault(taskId);

    public long NewTaskId() => Data.NextTaskId++;

    public void Add(NotificationTask task, DateTimeOffset now)
    {
        if (Data.Tasks.RemoveAll(t => now - t.SentAt > TaskRetention) > 0)
        {
            tasks = Data.Tasks.ToDictionary(t => t.TaskId);
        }

        Data.Tasks.Add(task);
        tasks[task.TaskId] = task;
    }

    /// <summary>Keeps a content sent to many once; a copy that carries its own content keeps that.</summary>
    public void Store(string contentKey, JsonObject content) => Data.Contents.TryAdd(contentKey, content);

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

        Count(userId, message);
    }

    /// <summary>Each recipient's copy of a task's message (a copy trimmed from a full inbox is left out).</summary>
    public IEnumerable<(string UserId, InboxMessage Message)> CopiesOf(NotificationTask task)
    {
        foreach (var userId in task.Delivered)
        {
            if (MessagesOf(userId).LastOrDefault(m => m.TaskId == task.TaskId) is { } copy)
            {
                yield return (userId, copy);
            }
        }
    }

    /// <summary>How many messages the person received on a China day, and how many of them had this content.</summary>
    public (int Received, int Repeats) ReceivedOn(string userId, DateOnly day, string contentKey)
    {
        if (tallies.TryGetValue(userId, out var tally) && tally.Day == day)
        {
            return (tally.Received, tally.Repeats.GetValueOrDefault(contentKey));
        }

        if (tally is not null && tally.Day > day)
        {
            // A clock set back by a test: count the old way.
            var that = MessagesOf(userId).Where(m => ChinaTime.Day(m.SentAt) == day).ToList();
            return (that.Count, that.Count(m => m.ContentKey == contentKey));
        }

        return (0, 0);
    }

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

    /// <summary>
    /// A copy that can be written to disk while the simulator goes on: only what may still change is
    /// copied (read and recall flags, to-dos, DINGs); sent contents and task lists never change.
    /// </summary>
    public InboxData Snapshot() => new()
    {
        NextTaskId = Data.NextTaskId,
        NextMessageId = Data.NextMessageId,
        Tasks = [.. Data.Tasks.Select(t => t.Copy())],
        Messages = Data.Messages.ToDictionary(pair => pair.Key, pair => pair.Value.ConvertAll(m => m.Copy()), StringComparer.Ordinal),
        Contents = Data.Contents.ToDictionary(pair => pair.Key, pair => (JsonObject)pair.Value.DeepClone(), StringComparer.Ordinal),
        Todos = JsonSerializer.Deserialize<List<SimTodo>>(JsonSerializer.SerializeToUtf8Bytes(Data.Todos)) ?? [],
        Dings = Data.Dings.ToDictionary(pair => pair.Key, pair => pair.Value.ConvertAll(d => d.Copy()), StringComparer.Ordinal),
    };

    private void Count(string userId, InboxMessage message)
    {
        var day = ChinaTime.Day(message.SentAt);
        if (!tallies.TryGetValue(userId, out var tally) || tally.Day < day)
        {
            tally = new DayTally(day);
            tallies[userId] = tally;
        }
        else if (tally.Day > day)
        {
            return;
        }

        tally.Received++;
        tally.Repeats[message.ContentKey] = tally.Repeats.GetValueOrDefault(message.ContentKey) + 1;
    }

    private sealed class DayTally(DateOnly day)
    {
        public DateOnly Day { get; } = day;

        public int Received { get; set; }

        public Dictionary<string, int> Repeats { get; } = new(StringComparer.Ordinal);
    }
}
