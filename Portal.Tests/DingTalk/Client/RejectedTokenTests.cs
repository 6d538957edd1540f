using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Todo;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Client;

/// <summary>A refused token is dropped, refetched once and the call retried once — never in a loop.</summary>
public sealed class RejectedTokenTests : IDisposable
{
    private const string DepartmentGet = "/topapi/v2/department/get";
    private const string TodoGet = "/v1.0/todo/users/union1/tasks/task1";

    private readonly ClientHarness harness = new(TestTime.Fake());

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task An_oapi_token_error_refetches_the_token_and_retries_once()
    {
        harness.DingTalk.On(DepartmentGet, request => request.Query["access_token"] == "app-token-1"
            ? FakeReply.OapiError("40014", "invalid access_token")
            : FakeReply.OapiResult("""{"dept_id":2,"name":"R&D","parent_id":1}"""));

        var department = await harness.Client.Departments.GetAsync(2, null, CancellationToken.None);

        Assert.Equal("R&D", department.Name);
        Assert.Equal(2, harness.DingTalk.Count(FakeDingTalk.V1TokenPath));
        Assert.Equal(["app-token-1", "app-token-2"], harness.DingTalk.To(DepartmentGet).Select(r => r.Query["access_token"]));
    }

    [Fact]
    public async Task An_api_InvalidAuthentication_refetches_the_token_and_retries_once()
    {
        harness.DingTalk.On(TodoGet, request => request.Header("x-acs-dingtalk-access-token") == "app-token-1"
            ? FakeReply.ApiError(400, "InvalidAuthentication")
            : FakeReply.Json(200, """{"id":"task1","subject":"Sign the contract"}"""));

        var task = await harness.Client.Todos.GetAsync("union1", "task1", CancellationToken.None);

        Assert.Equal("Sign the contract", task.Subject);
        Assert.Equal(2, harness.DingTalk.Count(FakeDingTalk.V1TokenPath));
        Assert.Equal(2, harness.DingTalk.Count(TodoGet));
    }

    [Fact]
    public async Task A_token_refused_again_fails_instead_of_looping()
    {
        harness.DingTalk.On(DepartmentGet, FakeReply.OapiError("42001", "access_token expired"));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => harness.Client.Departments.GetAsync(2, null, CancellationToken.None));

        Assert.Equal("42001", error.Code);
        Assert.True(error.IsTokenRejected);
        Assert.Equal(2, harness.DingTalk.Count(DepartmentGet));
        Assert.Equal(2, harness.DingTalk.Count(FakeDingTalk.V1TokenPath));
    }

    [Fact]
    public async Task Other_auth_errors_do_not_refetch_the_token()
    {
        harness.DingTalk.On(DepartmentGet, FakeReply.OapiError("40089", "invalid appkey"));

        await Assert.ThrowsAsync<DingTalkException>(() => harness.Client.Departments.GetAsync(2, null, CancellationToken.None));

        Assert.Equal(1, harness.DingTalk.Count(DepartmentGet));
        Assert.Equal(1, harness.DingTalk.Count(FakeDingTalk.V1TokenPath));
    }

    [Fact]
    public async Task A_refused_user_token_does_not_touch_the_app_token()
    {
        harness.DingTalk.On("/v1.0/contact/users/me", FakeReply.ApiError(400, "InvalidAuthentication"));

        await Assert.ThrowsAsync<DingTalkException>(() => harness.Client.Identity.GetCurrentUserAsync("user-token", CancellationToken.None));

        Assert.Equal(1, harness.DingTalk.Count("/v1.0/contact/users/me"));
        Assert.Equal(0, harness.DingTalk.Count(FakeDingTalk.V1TokenPath));
    }

    [Fact]
    public async Task A_newer_token_survives_invalidation_of_an_older_one()
    {
        var tokens = harness.Client.AccessTokens;
        var first = await tokens.GetAsync(CancellationToken.None);
        tokens.Invalidate(first);
        var second = await tokens.GetAsync(CancellationToken.None);

        tokens.Invalidate(first);

        Assert.Equal(second, await tokens.GetAsync(CancellationToken.None));
        Assert.Equal(2, harness.DingTalk.Count(FakeDingTalk.V1TokenPath));
    }
}
