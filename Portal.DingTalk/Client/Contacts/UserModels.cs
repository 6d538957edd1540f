using System.Text.Json.Serialization;

namespace Portal.DingTalk.Client.Contacts;

/// <summary>A member of the organisation (<c>user/get</c>, <c>user/list</c>); DingTalk omits empty optional fields.</summary>
public sealed record DingTalkUser(
    [property: JsonPropertyName("userid")] string UserId,
    [property: JsonPropertyName("name")] string Name)
{
    [JsonPropertyName("unionid")]
    public string? UnionId { get; init; }

    [JsonPropertyName("avatar")]
    public string? Avatar { get; init; }

    [JsonPropertyName("state_code")]
    public string? StateCode { get; init; }

    /// <summary>Only with the app's phone-number permission.</summary>
    [JsonPropertyName("mobile")]
    public string? Mobile { get; init; }

    [JsonPropertyName("hide_mobile")]
    public bool? HideMobile { get; init; }

    [JsonPropertyName("telephone")]
    public string? Telephone { get; init; }

    [JsonPropertyName("job_number")]
    public string? JobNumber { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("org_email")]
    public string? OrgEmail { get; init; }

    [JsonPropertyName("work_place")]
    public string? WorkPlace { get; init; }

    [JsonPropertyName("remark")]
    public string? Remark { get; init; }

    [JsonPropertyName("dept_id_list")]
    public IReadOnlyList<long> DeptIds { get; init; } = [];

    [JsonPropertyName("dept_order_list")]
    public IReadOnlyList<DeptOrder> DeptOrders { get; init; } = [];

    [JsonPropertyName("leader_in_dept")]
    public IReadOnlyList<DeptLeader> LeaderInDepts { get; init; } = [];

    /// <summary>A JSON object serialized as a string.</summary>
    [JsonPropertyName("extension")]
    public string? Extension { get; init; }

    /// <summary>Unix milliseconds.</summary>
    [JsonPropertyName("hired_date")]
    public long? HiredDate { get; init; }

    [JsonPropertyName("active")]
    public bool? Active { get; init; }

    [JsonPropertyName("real_authed")]
    public bool? RealAuthed { get; init; }

    [JsonPropertyName("senior")]
    public bool? Senior { get; init; }

    [JsonPropertyName("admin")]
    public bool? Admin { get; init; }

    [JsonPropertyName("boss")]
    public bool? Boss { get; init; }

    [JsonPropertyName("manager_userid")]
    public string? ManagerUserId { get; init; }

    [JsonPropertyName("exclusive_account")]
    public bool? ExclusiveAccount { get; init; }

    [JsonPropertyName("role_list")]
    public IReadOnlyList<UserRole> Roles { get; init; } = [];

    /// <summary>Order within the listed department (<c>user/list</c> only).</summary>
    [JsonPropertyName("dept_order")]
    public long? DeptOrder { get; init; }

    /// <summary>Whether the user leads the listed department (<c>user/list</c> only).</summary>
    [JsonPropertyName("leader")]
    public bool? Leader { get; init; }
}

public sealed record DeptOrder(
    [property: JsonPropertyName("dept_id")] long DeptId,
    [property: JsonPropertyName("order")] long Order);

public sealed record DeptLeader(
    [property: JsonPropertyName("dept_id")] long DeptId,
    [property: JsonPropertyName("leader")] bool Leader);

public sealed record DeptTitle(
    [property: JsonPropertyName("dept_id")] long DeptId,
    [property: JsonPropertyName("title")] string Title);

public sealed record UserRole(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("group_name")] string? GroupName);

/// <summary>One page of <c>user/list</c>; continue with <see cref="NextCursor"/> while <see cref="HasMore"/>.</summary>
public sealed record UserPage(
    [property: JsonPropertyName("has_more")] bool HasMore,
    [property: JsonPropertyName("next_cursor")] long? NextCursor)
{
    [JsonPropertyName("list")]
    public IReadOnlyList<DingTalkUser> Users { get; init; } = [];
}

/// <summary>The new user's ids (<c>user/create</c>).</summary>
public sealed record CreatedUser(
    [property: JsonPropertyName("userid")] string UserId,
    [property: JsonPropertyName("unionid")] string? UnionId);
