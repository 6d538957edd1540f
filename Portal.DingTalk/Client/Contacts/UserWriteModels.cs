using System.Text.Json.Serialization;
using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Contacts;

/// <summary>Fields shared by user create and update; only those set are sent.</summary>
public abstract record UserFields
{
    /// <summary>At most 80 characters.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Unique in the organisation; <c>+xx-…</c> outside mainland China.</summary>
    [JsonPropertyName("mobile")]
    public string? Mobile { get; init; }

    [JsonPropertyName("dept_id_list")]
    [JsonConverter(typeof(CommaSeparatedNumbersConverter))]
    public IReadOnlyList<long>? DeptIds { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("job_number")]
    public string? JobNumber { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("org_email")]
    public string? OrgEmail { get; init; }

    [JsonPropertyName("telephone")]
    public string? Telephone { get; init; }

    [JsonPropertyName("work_place")]
    public string? WorkPlace { get; init; }

    [JsonPropertyName("remark")]
    public string? Remark { get; init; }

    [JsonPropertyName("extension")]
    public string? Extension { get; init; }

    [JsonPropertyName("hired_date")]
    public long? HiredDate { get; init; }

    [JsonPropertyName("manager_userid")]
    public string? ManagerUserId { get; init; }

    [JsonPropertyName("senior_mode")]
    public bool? SeniorMode { get; init; }

    [JsonPropertyName("hide_mobile")]
    public bool? HideMobile { get; init; }

    [JsonPropertyName("dept_order_list")]
    public IReadOnlyList<DeptOrder>? DeptOrders { get; init; }

    [JsonPropertyName("dept_title_list")]
    public IReadOnlyList<DeptTitle>? DeptTitles { get; init; }

    [JsonPropertyName("language")]
    public string? Language { get; init; }
}

/// <summary>Name, mobile and departments are required; a userid is generated when not given.</summary>
public sealed record UserCreateRequest : UserFields
{
    public UserCreateRequest(string name, string mobile, IReadOnlyList<long> deptIds)
    {
        Name = name;
        Mobile = mobile;
        DeptIds = deptIds;
    }

    /// <summary>1–64 characters, unique and immutable.</summary>
    [JsonPropertyName("userid")]
    public string? UserId { get; init; }
}

public sealed record UserUpdateRequest([property: JsonPropertyName("userid")] string UserId) : UserFields
{
    /// <summary>Fields to clear, comma-separated (e.g. <c>"manager_userid"</c>).</summary>
    [JsonPropertyName("force_update_fields")]
    public string? ForceUpdateFields { get; init; }
}
