using System.Text.Json.Serialization;
using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Contacts;

/// <summary>A child department as <c>department/listsub</c> lists it.</summary>
public sealed record DepartmentSummary(
    [property: JsonPropertyName("dept_id")] long DeptId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("parent_id")] long? ParentId)
{
    [JsonPropertyName("create_dept_group")]
    public bool? CreateDeptGroup { get; init; }

    [JsonPropertyName("auto_add_user")]
    public bool? AutoAddUser { get; init; }
}

/// <summary>One department in full (<c>department/get</c>).</summary>
public sealed record Department(
    [property: JsonPropertyName("dept_id")] long DeptId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("parent_id")] long? ParentId)
{
    [JsonPropertyName("order")]
    public long? Order { get; init; }

    [JsonPropertyName("source_identifier")]
    public string? SourceIdentifier { get; init; }

    [JsonPropertyName("dept_manager_userid_list")]
    public IReadOnlyList<string> ManagerUserIds { get; init; } = [];

    [JsonPropertyName("org_dept_owner")]
    public string? OrgDeptOwner { get; init; }

    [JsonPropertyName("hide_dept")]
    public bool? HideDept { get; init; }

    [JsonPropertyName("outer_dept")]
    public bool? OuterDept { get; init; }

    [JsonPropertyName("create_dept_group")]
    public bool? CreateDeptGroup { get; init; }

    [JsonPropertyName("auto_add_user")]
    public bool? AutoAddUser { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("member_count")]
    public int? MemberCount { get; init; }

    [JsonPropertyName("owning_member_count")]
    public int? OwningMemberCount { get; init; }
}

/// <summary>Fields shared by create and update; only those set are sent.</summary>
public abstract record DepartmentFields
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("parent_id")]
    public long? ParentId { get; init; }

    [JsonPropertyName("order")]
    public long? Order { get; init; }

    [JsonPropertyName("source_identifier")]
    public string? SourceIdentifier { get; init; }

    [JsonPropertyName("hide_dept")]
    public bool? HideDept { get; init; }

    /// <summary>Departments that may see this one when it is hidden (at most 50).</summary>
    [JsonPropertyName("dept_permits")]
    [JsonConverter(typeof(CommaSeparatedNumbersConverter))]
    public IReadOnlyList<long>? DeptPermits { get; init; }

    [JsonPropertyName("user_permits")]
    [JsonConverter(typeof(CommaSeparatedStringsConverter))]
    public IReadOnlyList<string>? UserPermits { get; init; }

    [JsonPropertyName("create_dept_group")]
    public bool? CreateDeptGroup { get; init; }

    [JsonPropertyName("auto_add_user")]
    public bool? AutoAddUser { get; init; }

    [JsonPropertyName("outer_dept")]
    public bool? OuterDept { get; init; }

    /// <summary>At most 30 characters.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; init; }
}

/// <summary>Name: 1–64 characters, without <c>-</c>, <c>,</c> or <c>，</c>.</summary>
public sealed record DepartmentCreateRequest : DepartmentFields
{
    public DepartmentCreateRequest(string name, long parentId)
    {
        Name = name;
        ParentId = parentId;
    }
}

public sealed record DepartmentUpdateRequest([property: JsonPropertyName("dept_id")] long DeptId) : DepartmentFields
{
    /// <summary>Must be members of the department.</summary>
    [JsonPropertyName("dept_manager_userid_list")]
    [JsonConverter(typeof(CommaSeparatedStringsConverter))]
    public IReadOnlyList<string>? ManagerUserIds { get; init; }

    /// <summary>Fields to clear when sent empty, comma-separated (e.g. <c>"dept_manager_userid_list"</c>).</summary>
    [JsonPropertyName("force_update_fields")]
    public string? ForceUpdateFields { get; init; }

    [JsonPropertyName("language")]
    public string? Language { get; init; }
}
