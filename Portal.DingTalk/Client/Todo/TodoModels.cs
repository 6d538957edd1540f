namespace Portal.DingTalk.Client.Todo;

// v1.0 to-do models are camelCase on the wire, as the C# names already are. Every person id is a unionId.

/// <summary>A new to-do; since 2024-02-01 DingTalk requires <see cref="DetailUrl"/>.</summary>
public sealed record TodoCreateRequest(string Subject)
{
    public string? Description { get; init; }

    /// <summary>Our own id; DingTalk keeps one to-do per sourceId and refuses a second ("task exist").</summary>
    public string? SourceId { get; init; }

    public string? CreatorId { get; init; }

    /// <summary>Unix milliseconds.</summary>
    public long? DueTime { get; init; }

    public IReadOnlyList<string>? ExecutorIds { get; init; }

    public IReadOnlyList<string>? ParticipantIds { get; init; }

    public TodoDetailUrl? DetailUrl { get; init; }

    public bool? IsOnlyShowExecutor { get; init; }

    /// <summary>10 low, 20 normal, 30 urgent, 40 very urgent.</summary>
    public int? Priority { get; init; }

    public TodoNotifyConfigs? NotifyConfigs { get; init; }

    public IReadOnlyList<TodoContentField>? ContentFieldList { get; init; }

    /// <summary><c>TODO</c> or <c>READ</c>.</summary>
    public string? TodoType { get; init; }

    public long? ReminderTimeStamp { get; init; }

    public string? BizCategoryId { get; init; }
}

public sealed record TodoDetailUrl(string? AppUrl, string? PcUrl);

/// <param name="DingNotify">"1" sends a DING reminder as well.</param>
public sealed record TodoNotifyConfigs(string? DingNotify, string? SendTodoApn = null, string? SendAssistantChat = null);

public sealed record TodoContentField(string FieldKey, string FieldValue);

/// <summary>Only the fields set are changed.</summary>
public sealed record TodoUpdateRequest
{
    public string? Subject { get; init; }

    public string? Description { get; init; }

    public long? DueTime { get; init; }

    public bool? Done { get; init; }

    public IReadOnlyList<string>? ExecutorIds { get; init; }

    public IReadOnlyList<string>? ParticipantIds { get; init; }

    public IReadOnlyList<TodoContentField>? ContentFieldList { get; init; }
}

/// <param name="Id">The executor's unionId.</param>
public sealed record TodoExecutorStatus(string Id, bool IsDone);

/// <summary>A to-do as DingTalk stores it.</summary>
public sealed record TodoTask(string Id, string Subject)
{
    public string? Description { get; init; }

    public long? StartTime { get; init; }

    public long? DueTime { get; init; }

    public long? FinishTime { get; init; }

    public bool Done { get; init; }

    public IReadOnlyList<string> ExecutorIds { get; init; } = [];

    public IReadOnlyList<string> ParticipantIds { get; init; } = [];

    public TodoDetailUrl? DetailUrl { get; init; }

    public string? Source { get; init; }

    public string? SourceId { get; init; }

    public long? CreatedTime { get; init; }

    public long? ModifiedTime { get; init; }

    public string? CreatorId { get; init; }

    public string? ModifierId { get; init; }

    public string? BizTag { get; init; }

    public string? RequestId { get; init; }

    public bool? IsOnlyShowExecutor { get; init; }

    public int? Priority { get; init; }
}

/// <param name="RoleTypes">Outer list is OR, inner list AND, e.g. <c>[["executor"],["creator"]]</c>.</param>
public sealed record TodoQuery(string? NextToken = null, bool? IsDone = null, IReadOnlyList<IReadOnlyList<string>>? RoleTypes = null, string? TodoType = null);

/// <summary>One page of a query; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record TodoPage(IReadOnlyList<TodoCard> TodoCards, string? NextToken);

public sealed record TodoCard(string TaskId, string Subject)
{
    public long? DueTime { get; init; }

    public TodoDetailUrl? DetailUrl { get; init; }

    public int? Priority { get; init; }

    public long? CreatedTime { get; init; }

    public long? ModifiedTime { get; init; }

    public string? CreatorId { get; init; }

    public string? SourceId { get; init; }

    public string? BizTag { get; init; }

    public bool IsDone { get; init; }

    public string? TodoType { get; init; }
}
