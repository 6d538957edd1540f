using System.Text.Json.Serialization;

namespace Portal.DingTalk.Client.Messages;

/// <summary>
/// Who gets a work notification: user ids, departments (sub-departments included), or everyone.
/// Accepted is not delivered: per-user caps and duplicates are dropped silently and only show in
/// <see cref="SendResult"/>.
/// </summary>
public sealed record WorkNotification(WorkMessage Message)
{
    public IReadOnlyList<string> UserIds { get; init; } = [];

    public IReadOnlyList<long> DeptIds { get; init; } = [];

    public bool ToAllUsers { get; init; }
}

/// <param name="Status">0 not started, 1 sending, 2 done.</param>
public sealed record SendProgress(
    [property: JsonPropertyName("progress_in_percent")] int ProgressInPercent,
    [property: JsonPropertyName("status")] int Status);

/// <summary>Where each recipient ended up; only available within 24 h and for at most 100 recipients.</summary>
public sealed record SendResult
{
    [JsonPropertyName("invalid_user_id_list")]
    public IReadOnlyList<string> InvalidUserIds { get; init; } = [];

    [JsonPropertyName("forbidden_user_id_list")]
    public IReadOnlyList<string> ForbiddenUserIds { get; init; } = [];

    [JsonPropertyName("failed_user_id_list")]
    public IReadOnlyList<string> FailedUserIds { get; init; } = [];

    [JsonPropertyName("read_user_id_list")]
    public IReadOnlyList<string> ReadUserIds { get; init; } = [];

    [JsonPropertyName("unread_user_id_list")]
    public IReadOnlyList<string> UnreadUserIds { get; init; } = [];

    [JsonPropertyName("invalid_dept_id_list")]
    public IReadOnlyList<long> InvalidDeptIds { get; init; } = [];

    /// <summary>Silent drops with their reason: 143105 daily cap, 143106 duplicate, 143103/143104 per-minute caps.</summary>
    [JsonPropertyName("forbidden_list")]
    public IReadOnlyList<ForbiddenRecipient> ForbiddenList { get; init; } = [];
}

public sealed record ForbiddenRecipient(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("userid")] string UserId);
