using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Client.Todo;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Client;

/// <summary>Both envelopes, and replies that are no envelope at all, become one typed exception.</summary>
public sealed class EnvelopeTests : IDisposable
{
    private const string UserGet = "/topapi/v2/user/get";
    private const string TodoCreate = "/v1.0/todo/users/union1/tasks";

    private readonly ClientHarness harness = new(TestTime.Fake());

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task An_oapi_errcode_carries_code_kind_request_id_and_endpoint()
    {
        harness.DingTalk.On(UserGet, FakeReply.OapiError("60011", "no permission"));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => GetUser());

        Assert.Equal("60011", error.Code);
        Assert.Equal(DingTalkErrorKind.Permission, error.Kind);
        Assert.Equal("req0000002", error.RequestId);
        Assert.Equal(DingTalkApiNames.UserGet, error.Api);
        Assert.Equal(200, error.HttpStatus);
        Assert.Contains("no permission", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quoted_errcode_reads_like_a_numeric_one()
    {
        harness.DingTalk.On(UserGet, FakeReply.Json(200, """{"errcode":"90018","errmsg":"qps"}"""));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => GetUser());

        Assert.Equal("90018", error.Code);
        Assert.Equal(DingTalkErrorKind.RateLimited, error.Kind);
    }

    [Fact]
    public async Task A_gateway_sub_code_is_kept()
    {
        harness.DingTalk.On(UserGet, FakeReply.Json(200, """{"errcode":88,"errmsg":"auth","sub_code":"40089","sub_msg":"bad appkey"}"""));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => GetUser());

        Assert.Equal("88", error.Code);
        Assert.Equal("40089", error.SubCode);
        Assert.Equal(DingTalkErrorKind.Auth, error.Kind);
        Assert.False(error.IsTokenRejected);
    }

    [Fact]
    public async Task An_api_error_carries_status_code_and_lowercase_requestid()
    {
        harness.DingTalk.On(TodoCreate, FakeReply.ApiError(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi"));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => CreateTodo());

        Assert.Equal("Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", error.Code);
        Assert.Equal(DingTalkErrorKind.RateLimited, error.Kind);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal("30EE8654-1AA2-7D88-8248-9518547248AA", error.RequestId);
        Assert.Equal(DingTalkApiNames.TodoCreate, error.Api);
    }

    [Fact]
    public async Task The_request_id_header_stands_in_when_the_body_has_none()
    {
        harness.DingTalk.On(TodoCreate, FakeReply.Json(500, """{"code":"unknownError","message":"busy"}""") with
        {
            Headers = [new("x-acs-request-id", "HEADER-REQUEST-ID")],
        });

        var error = await Assert.ThrowsAsync<DingTalkException>(() => CreateTodo());

        Assert.Equal(DingTalkErrorKind.Retryable, error.Kind);
        Assert.Equal("HEADER-REQUEST-ID", error.RequestId);
    }

    [Theory]
    [InlineData(403, DingTalkErrorKind.Unknown)]
    [InlineData(200, DingTalkErrorKind.Unknown)]
    [InlineData(503, DingTalkErrorKind.Retryable)]
    public async Task An_html_page_becomes_a_DingTalkException_not_a_JsonException(int status, DingTalkErrorKind kind)
    {
        harness.DingTalk.On(UserGet, new FakeReply(status, "<html><body>访问被拒绝</body></html>", "text/html"));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => GetUser());

        Assert.Equal(DingTalkErrorCodes.ReplyNotJson, error.Code);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.HttpStatus);
    }

    [Fact]
    public async Task The_ip_block_reply_says_how_long_to_stay_away()
    {
        harness.DingTalk.On(UserGet, FakeReply.Json(200, """{"status":1111,"wait":5,"source":"x5","punish":"deny","uuid":"u-1"}"""));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => GetUser());

        Assert.Equal(DingTalkErrorCodes.IpBlocked, error.Code);
        Assert.Equal(DingTalkErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), error.RetryAfter);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_shape_is_a_DingTalkException()
    {
        harness.DingTalk.On(UserGet, FakeReply.Json(200, """{"errcode":0,"result":"not an object"}"""));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => GetUser());

        Assert.Equal(DingTalkErrorCodes.ReplyUnexpectedShape, error.Code);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_network_failure_is_a_retryable_DingTalkException()
    {
        harness.DingTalk.On(UserGet, FakeReply.Failure(new HttpRequestException("connection refused")));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => GetUser());

        Assert.Equal(DingTalkErrorCodes.NetworkError, error.Code);
        Assert.Equal(DingTalkErrorKind.Retryable, error.Kind);
        Assert.True(error.IsTransportFailure);
    }

    [Fact]
    public async Task Messages_never_carry_the_token_or_the_secret()
    {
        harness.DingTalk.On("/gettoken", FakeReply.OapiError("40089", "invalid appkey or appsecret"));
        harness.DingTalk.On(UserGet, FakeReply.OapiError("40014", "invalid access_token"));

        var tokens = harness.Client.AccessTokens;
        var refused = await Assert.ThrowsAsync<DingTalkException>(() => tokens.RequestFromGettokenAsync("dingappkey", ClientHarness.AppSecret, CancellationToken.None));
        var token = await tokens.GetAsync(CancellationToken.None);
        var rejected = await Assert.ThrowsAsync<DingTalkException>(() => GetUser());

        foreach (var error in new[] { refused, rejected })
        {
            var text = error.ToString();
            Assert.DoesNotContain(ClientHarness.AppSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("access_token=", text, StringComparison.Ordinal);
        }
    }

    private Task<DingTalkUser> GetUser() => harness.Client.Users.GetAsync("u001", null, CancellationToken.None);

    private Task<TodoTask> CreateTodo() =>
        harness.Client.Todos.CreateAsync("union1", new TodoCreateRequest("subject"), null, CancellationToken.None);
}
