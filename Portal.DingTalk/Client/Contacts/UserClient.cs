using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Contacts;

/// <summary>Users of the contact book: <c>topapi/user/*</c> and <c>topapi/v2/user/*</c> (reference §2.3, §7).</summary>
public sealed class UserClient
{
    /// <summary>The largest page <c>user/list</c> serves.</summary>
    public const int MaxPageSize = 100;

    private readonly AppTokenHttp http;

    internal UserClient(AppTokenHttp http) => this.http = http;

    /// <summary>Direct members of the department (no org-wide variant exists).</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(long deptId, CancellationToken cancellationToken) =>
        (await http.SendAsync<UserIdListResult>(
            DingTalkCall.OapiPost(DingTalkApiNames.UserListId, "/topapi/user/listid", new DeptBody(deptId)),
            cancellationToken)).UserIds ?? [];

    /// <param name="cursor">0 for the first page, then the previous page's next cursor.</param>
    /// <param name="size">1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="orderField"><c>entry_asc</c>, <c>entry_desc</c>, <c>modify_asc</c>, <c>modify_desc</c> or <c>custom</c>.</param>
    public Task<UserPage> ListAsync(long deptId, long cursor, int size, string? orderField, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize);
        var body = new ListBody(deptId, cursor, size) { OrderField = orderField };
        return http.SendAsync<UserPage>(DingTalkCall.OapiPost(DingTalkApiNames.UserList, "/topapi/v2/user/list", body), cancellationToken);
    }

    /// <summary>Every direct member of the department, fetching page after page as the caller reads.</summary>
    public async IAsyncEnumerable<DingTalkUser> ListAllAsync(
        long deptId, int pageSize = MaxPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long cursor = 0;
        while (true)
        {
            var page = await ListAsync(deptId, cursor, pageSize, null, cancellationToken);
            foreach (var user in page.Users)
            {
                yield return user;
            }

            // A page that claims more but gives no new cursor would loop forever; stop instead.
            if (!page.HasMore || page.NextCursor is not { } next || next == cursor)
            {
                yield break;
            }

            cursor = next;
        }
    }

    public Task<DingTalkUser> GetAsync(string userId, string? language, CancellationToken cancellationToken) =>
        http.SendAsync<DingTalkUser>(
            DingTalkCall.OapiPost(DingTalkApiNames.UserGet, "/topapi/v2/user/get", new UserIdBody(userId) { Language = language ?? "zh_CN" }),
            cancellationToken);

    /// <summary>The userid of an active member with this mobile number.</summary>
    public async Task<string> GetUserIdByMobileAsync(string mobile, CancellationToken cancellationToken)
    {
        var call = DingTalkCall.OapiPost(DingTalkApiNames.UserGetByMobile, "/topapi/v2/user/getbymobile", new MobileBody(mobile));
        var result = await http.SendAsync<UserIdResult>(call, cancellationToken);
        return DingTalkReplies.Required(result.UserId, call.Api, "userid");
    }

    public Task<CreatedUser> CreateAsync(UserCreateRequest request, CancellationToken cancellationToken) =>
        http.SendAsync<CreatedUser>(DingTalkCall.OapiPost(DingTalkApiNames.UserCreate, "/topapi/v2/user/create", request), cancellationToken);

    public Task UpdateAsync(UserUpdateRequest request, CancellationToken cancellationToken) =>
        http.SendAsync<OapiAck>(
            DingTalkCall.OapiPost(DingTalkApiNames.UserUpdate, "/topapi/v2/user/update", request) with { ResultProperty = null },
            cancellationToken);

    public Task DeleteAsync(string userId, CancellationToken cancellationToken) =>
        http.SendAsync<OapiAck>(
            DingTalkCall.OapiPost(DingTalkApiNames.UserDelete, "/topapi/v2/user/delete", new UserIdBody(userId)) with { ResultProperty = null },
            cancellationToken);

    private sealed record DeptBody([property: JsonPropertyName("dept_id")] long DeptId);

    private sealed record ListBody(
        [property: JsonPropertyName("dept_id")] long DeptId,
        [property: JsonPropertyName("cursor")] long Cursor,
        [property: JsonPropertyName("size")] int Size)
    {
        [JsonPropertyName("order_field")]
        public string? OrderField { get; init; }
    }

    private sealed record UserIdBody([property: JsonPropertyName("userid")] string UserId)
    {
        [JsonPropertyName("language")]
        public string? Language { get; init; }
    }

    private sealed record MobileBody([property: JsonPropertyName("mobile")] string Mobile)
    {
        public override string ToString() => "MobileBody";
    }

    private sealed record UserIdListResult([property: JsonPropertyName("userid_list")] IReadOnlyList<string>? UserIds);

    private sealed record UserIdResult([property: JsonPropertyName("userid")] string? UserId);
}
