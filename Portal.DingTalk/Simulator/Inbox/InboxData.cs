using System.Text.Json.Nodes;

namespace Portal.DingTalk.Simulator.Inbox;

/// <summary>
/// The persisted part of what people received: work notifications per person, the tasks that sent
/// them, to-dos and DINGs. Saved in the simulator's document beside the organisation.
/// </summary>
internal sealed class InboxData
{
    /// <summary>DingTalk's task ids are large numbers; starting there keeps ours the same shape.</summary>
    public const long FirstTaskId = 256_271_667_526;

    public long NextTaskId { get; set; } = FirstTaskId;

    public long NextMessageId { get; set; } = 1;

    public List<NotificationTask> Tasks { get; set; } = [];

    /// <summary>Work notifications by the recipient's userId, oldest first.</summary>
    public Dictionary<string, List<InboxMessage>> Messages { get; set; } = [];

    /// <summary>
    /// Each content sent, once, by its fingerprint: a message to 100,000 people is one entry here and
    /// 100,000 small copies that point at it. Absent in documents saved before it existed.
    /// </summary>
    public Dictionary<string, JsonObject> Contents { get; set; } = [];

    public List<SimTodo> Todos { get; set; } = [];

    /// <summary>DINGs by the receiver's userId, oldest first.</summary>
    public Dictionary<string, List<InboxDing>> Dings { get; set; } = [];
}

/// <summary>One <c>asyncsend_v2</c> call and where each recipient ended up.</summary>
internal sealed class NotificationTask
{
    public long TaskId { get; set; }

    public long AgentId { get; set; }

    public string MsgType { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    /// <summary>Only a message to at most 5 user ids and no departments shows (and can update) an OA status bar.</summary>
    public bool StatusBarShown { get; set; }

    public List<string> Delivered { get; set; } = [];

    public List<string> InvalidUserIds { get; set; } = [];

    public List<string> FailedUserIds { get; set; } = [];

    public List<long> InvalidDeptIds { get; set; } = [];

    public List<ForbiddenDrop> Forbidden { get; set; } = [];

    public bool Recalled { get; set; }

    /// <summary>The lists are complete once the task is sent and never change after; only the flags are copied.</summary>
    public NotificationTask Copy() => (NotificationTask)MemberwiseClone();
}

/// <summary>A recipient DingTalk dropped silently; <see cref="Count"/> is what they had already received that counts against them.</summary>
internal sealed record ForbiddenDrop(string UserId, string Code, int Count);

/// <summary>A work notification in one person's inbox.</summary>
internal sealed class InboxMessage
{
    public long Id { get; set; }

    public long TaskId { get; set; }

    public long AgentId { get; set; }

    public string MsgType { get; set; } = "";

    /// <summary>
    /// This copy's own <c>msg</c>, only for an OA message whose status bar it shows (an update changes it in
    /// place); otherwise null, and the content is <see cref="InboxData.Contents"/>[<see cref="ContentKey"/>].
    /// </summary>
    public JsonObject? Message { get; set; }

    /// <summary>Fingerprint of the content as sent, for DingTalk's "same content once a day" rule.</summary>
    public string ContentKey { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    public bool Read { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public bool Recalled { get; set; }

    public InboxMessage Copy()
    {
        var copy = (InboxMessage)MemberwiseClone();
        copy.Message = (JsonObject?)Message?.DeepClone();
        return copy;
    }
}

/// <summary>A to-do (v1.0). Every person id is a unionId.</summary>
internal sealed class SimTodo
{
    public string Id { get; set; } = "";

    /// <summary>The app that created it: sourceIds are unique per app, and only that app may change it.</summary>
    public string AppKey { get; set; } = "";

    public string Subject { get; set; } = "";

    public string? Description { get; set; }

    public string? SourceId { get; set; }

    public string CreatorId { get; set; } = "";

    public string? ModifierId { get; set; }

    public long? StartTime { get; set; }

    public long? DueTime { get; set; }

    public long? FinishTime { get; set; }

    public bool Done { get; set; }

    public List<string> ExecutorIds { get; set; } = [];

    public List<string> ParticipantIds { get; set; } = [];

    /// <summary>Executors who marked their own part done.</summary>
    public List<string> DoneExecutorIds { get; set; } = [];

    public string? AppUrl { get; set; }

    public string? PcUrl { get; set; }

    public int? Priority { get; set; }

    public bool? IsOnlyShowExecutor { get; set; }

    public string TodoType { get; set; } = "TODO";

    public JsonArray? ContentFieldList { get; set; }

    public JsonObject? NotifyConfigs { get; set; }

    public long CreatedTime { get; set; }

    public long ModifiedTime { get; set; }

    public bool IsDoneFor(string unionId) => Done || DoneExecutorIds.Contains(unionId);

    public bool Involves(string unionId) => CreatorId == unionId || ExecutorIds.Contains(unionId) || ParticipantIds.Contains(unionId);
}

/// <summary>A DING as one receiver got it.</summary>
internal sealed class InboxDing
{
    public string OpenDingId { get; set; } = "";

    public string RobotCode { get; set; } = "";

    /// <summary>1 in-app, 2 SMS, 3 phone call.</summary>
    public int RemindType { get; set; }

    public string Content { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }

    public bool Recalled { get; set; }

    public InboxDing Copy() => (InboxDing)MemberwiseClone();
}
