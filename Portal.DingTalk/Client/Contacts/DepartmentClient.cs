using System.Text.Json.Serialization;
using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Contacts;

/// <summary>Departments of the contact book: <c>topapi/v2/department/*</c> (reference §7). The root department is 1.</summary>
public sealed class DepartmentClient
{
    public const long RootDeptId = 1;

    private readonly AppTokenHttp http;

    internal DepartmentClient(AppTokenHttp http) => this.http = http;

    /// <summary>Direct children only, unpaged.</summary>
    public Task<IReadOnlyList<DepartmentSummary>> ListChildrenAsync(long deptId, string? language, CancellationToken cancellationToken) =>
        http.SendAsync<IReadOnlyList<DepartmentSummary>>(
            DingTalkCall.OapiPost(DingTalkApiNames.DepartmentListSub, "/topapi/v2/department/listsub", new DeptBody(deptId) { Language = language }),
            cancellationToken);

    public async Task<IReadOnlyList<long>> ListChildIdsAsync(long deptId, CancellationToken cancellationToken) =>
        (await http.SendAsync<DeptIdListResult>(
            DingTalkCall.OapiPost(DingTalkApiNames.DepartmentListSubId, "/topapi/v2/department/listsubid", new DeptBody(deptId)),
            cancellationToken)).DeptIds ?? [];

    public Task<Department> GetAsync(long deptId, string? language, CancellationToken cancellationToken) =>
        http.SendAsync<Department>(
            DingTalkCall.OapiPost(DingTalkApiNames.DepartmentGet, "/topapi/v2/department/get", new DeptBody(deptId) { Language = language }),
            cancellationToken);

    /// <summary>Creates the department and answers its id.</summary>
    public async Task<long> CreateAsync(DepartmentCreateRequest request, CancellationToken cancellationToken) =>
        (await http.SendAsync<CreatedDept>(
            DingTalkCall.OapiPost(DingTalkApiNames.DepartmentCreate, "/topapi/v2/department/create", request),
            cancellationToken)).DeptId;

    public Task UpdateAsync(DepartmentUpdateRequest request, CancellationToken cancellationToken) =>
        http.SendAsync<OapiAck>(
            DingTalkCall.OapiPost(DingTalkApiNames.DepartmentUpdate, "/topapi/v2/department/update", request) with { ResultProperty = null },
            cancellationToken);

    /// <summary>Only an empty department (no members, no children) other than the root can go.</summary>
    public Task DeleteAsync(long deptId, CancellationToken cancellationToken) =>
        http.SendAsync<OapiAck>(
            DingTalkCall.OapiPost(DingTalkApiNames.DepartmentDelete, "/topapi/v2/department/delete", new DeptBody(deptId)) with { ResultProperty = null },
            cancellationToken);

    private sealed record DeptBody([property: JsonPropertyName("dept_id")] long DeptId)
    {
        [JsonPropertyName("language")]
        public string? Language { get; init; }
    }

    private sealed record DeptIdListResult([property: JsonPropertyName("dept_id_list")] IReadOnlyList<long>? DeptIds);

    private sealed record CreatedDept([property: JsonPropertyName("dept_id")] long DeptId);
}
