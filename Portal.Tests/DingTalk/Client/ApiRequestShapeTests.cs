using System.Text.Json;
using Portal.DingTalk.Client.Ding;
using Portal.DingTalk.Client.Http;
using Portal.DingTalk.Client.Todo;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Client;

/// <summary>api.dingtalk.com calls: paths, the token in a header and camelCase JSON, as the reference documents them.</summary>
public sealed class ApiRequestShapeTests : IDisposable
{
    private const string TokenHeader = "x-acs-dingtalk-access-token";

    private readonly ClientHarness harness = new(TestTime.Fake());

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_todo_goes_to_the_api_host_with_the_token_in_a_header_and_camel_case_json()
    {
        const string path = "/v1.0/todo/users/union%201/tasks";
        harness.DingTalk.On(path, FakeReply.Json(200, """{"id":"task1","subject":"Sign","sourceId":"portal-7","done":false}"""));
        var request = new TodoCreateRequest("Sign")
        {
            SourceId = "portal-7",
            ExecutorIds = ["unionA"],
            DetailUrl = new TodoDetailUrl("dingtalk://app", "https://pc"),
            Priority = 20,
        };

        var created = await harness.Client.Todos.CreateAsync("union 1", request, "operatorUnion", CancellationToken.None);

        var sent = Assert.Single(harness.DingTalk.To(path));
        Assert.Equal("task1", created.Id);
        Assert.Equal("app-token-1", sent.Header(TokenHeader));
        Assert.False(sent.Query.ContainsKey("access_token"));
        Assert.Equal("operatorUnion", sent.Query["operatorId"]);
        var body = sent.Json();
        Assert.Equal("Sign", body.GetProperty("subject").GetString());
        Assert.Equal("portal-7", body.GetProperty("sourceId").GetString());
        Assert.Equal("unionA", body.GetProperty("executorIds")[0].GetString());
        Assert.Equal("dingtalk://app", body.GetProperty("detailUrl").GetProperty("appUrl").GetString());
        Assert.False(body.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Todo_follow_ups_use_their_methods_and_paths()
    {
        harness.DingTalk.On("/v1.0/todo/users/u1/tasks/t1", request => FakeReply.Json(200, request.Method == HttpMethod.Get
            ? """{"id":"t1","subject":"S"}"""
            : """{"result":true,"requestId":"r"}"""));
        harness.DingTalk.On("/v1.0/todo/users/u1/tasks/t1/executorStatus", FakeReply.Json(200, """{"result":true}"""));
        harness.DingTalk.On("/v1.0/todo/users/u1/tasks/sources/portal-7", FakeReply.Json(200, """{"id":"t1","subject":"S"}"""));
        harness.DingTalk.On("/v1.0/todo/users/u1/org/tasks/query", FakeReply.Json(200, """{"todoCards":[{"taskId":"t1","subject":"S","isDone":false}],"nextToken":null}"""));

        Assert.True(await harness.Client.Todos.UpdateAsync("u1", "t1", new TodoUpdateRequest { Done = true }, null, CancellationToken.None));
        Assert.True(await harness.Client.Todos.UpdateExecutorStatusAsync("u1", "t1", [new TodoExecutorStatus("unionA", true)], null, CancellationToken.None));
        Assert.True(await harness.Client.Todos.DeleteAsync("u1", "t1", "u1", CancellationToken.None));
        Assert.Equal("t1", (await harness.Client.Todos.GetBySourceIdAsync("u1", "portal-7", CancellationToken.None)).Id);
        var page = await harness.Client.Todos.QueryAsync("u1", new TodoQuery(IsDone: false, RoleTypes: [["executor"]]), CancellationToken.None);

        var sent = harness.DingTalk.Requests.Where(r => r.Path != FakeDingTalk.V1TokenPath).ToList();
        Assert.Equal([HttpMethod.Put, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Get, HttpMethod.Post], sent.Select(r => r.Method));
        Assert.Equal("""{"done":true}""", sent[0].Body);
        Assert.True(sent[1].Json().GetProperty("executorStatusList")[0].GetProperty("isDone").GetBoolean());
        Assert.Equal("executor", sent[4].Json().GetProperty("roleTypes")[0][0].GetString());
        Assert.Null(page.NextToken);
        Assert.Equal("t1", Assert.Single(page.TodoCards).TaskId);
    }

    [Fact]
    public async Task The_current_user_is_read_with_the_user_token_not_the_app_token()
    {
        harness.DingTalk.On("/v1.0/contact/users/me", FakeReply.Json(200, """{"nick":"Zhang","unionId":"union1","openId":"o1"}"""));

        var me = await harness.Client.Identity.GetCurrentUserAsync("user-token", CancellationToken.None);

        var sent = Assert.Single(harness.DingTalk.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("user-token", sent.Header(TokenHeader));
        Assert.Equal("union1", me.UnionId);
    }

    [Fact]
    public async Task The_oauth2_code_exchange_posts_the_app_credentials_and_grant_type()
    {
        harness.DingTalk.On("/v1.0/oauth2/userAccessToken", FakeReply.Json(200, """{"accessToken":"ut","refreshToken":"rt","expireIn":7200,"corpId":"dingcorp"}"""));

        var token = await harness.Client.Identity.GetUserAccessTokenAsync("code123", CancellationToken.None);

        var body = Assert.Single(harness.DingTalk.Requests).Json();
        Assert.Equal("ut", token.AccessToken);
        Assert.Equal("dingappkey", body.GetProperty("clientId").GetString());
        Assert.Equal("code123", body.GetProperty("code").GetString());
        Assert.Equal("authorization_code", body.GetProperty("grantType").GetString());
        Assert.False(body.TryGetProperty("refreshToken", out _));
        Assert.DoesNotContain("ut", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ding_is_sent_with_its_v1_names()
    {
        harness.DingTalk.On("/v1.0/robot/ding/send", FakeReply.Json(200, """{"openDingId":"ding1","failedList":{"notInOrg":["u9"]}}"""));

        var result = await harness.Client.Ding.SendAsync(new DingSendRequest("robot1", DingRemindType.App, ["u1", "u9"], "Please sign"), CancellationToken.None);

        var body = harness.DingTalk.To("/v1.0/robot/ding/send")[0].Json();
        Assert.Equal("robot1", body.GetProperty("robotCode").GetString());
        Assert.Equal(1, body.GetProperty("remindType").GetInt32());
        Assert.Equal(2, body.GetProperty("receiverUserIdList").GetArrayLength());
        Assert.False(body.TryGetProperty("callVoice", out _));
        Assert.Equal("ding1", result.OpenDingId);
        Assert.Equal(["u9"], result.FailedList!["notInOrg"]);
    }

    [Fact]
    public void Request_models_leave_unset_fields_out()
    {
        var json = JsonSerializer.Serialize(new TodoUpdateRequest { Subject = "S" }, DingTalkJson.Api);

        Assert.Equal("""{"subject":"S"}""", json);
    }
}
