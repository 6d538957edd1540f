using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Client;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Client;

public sealed class AccessTokenTests
{
    private const string GetToken = "/gettoken";
    private const string V1Token = FakeDingTalk.V1TokenPath;

    [Fact]
    public async Task A_thousand_callers_after_expiry_cause_exactly_one_token_request()
    {
        var time = TestTime.Fake();
        using var harness = new ClientHarness(time);
        var tokens = harness.Client.AccessTokens;
        Assert.Equal("app-token-1", await tokens.GetAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromHours(2));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.DingTalk.TokenGate = gate.Task;
        using var waiting = new CountdownEvent(1000);
        var callers = Enumerable.Range(0, 1000).Select(_ => Task.Run(() =>
        {
            // GetAsync hands back its task once the caller is parked on the fetch, so the countdown
            // reaching zero means all 1000 are waiting while the token request is held open.
            var token = tokens.GetAsync(CancellationToken.None);
            waiting.Signal();
            return token;
        })).ToList();
        Assert.True(waiting.Wait(TimeSpan.FromSeconds(30)), "callers did not all reach the token cache");
        Assert.All(callers, caller => Assert.False(caller.IsCompleted));
        gate.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(2, harness.DingTalk.Count(V1Token));
        Assert.All(results, token => Assert.Equal("app-token-2", token));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5)]
    public async Task The_token_is_replaced_a_margin_before_it_expires(int marginMinutes)
    {
        var time = TestTime.Fake();
        using var harness = new ClientHarness(time, client => client.TokenRefreshMargin = TimeSpan.FromMinutes(marginMinutes));
        var tokens = harness.Client.AccessTokens;
        var lifetimeBeforeRefresh = TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(marginMinutes);

        var first = await tokens.GetAsync(CancellationToken.None);
        time.Advance(lifetimeBeforeRefresh - TimeSpan.FromSeconds(1));
        var stillCached = await tokens.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var replaced = await tokens.GetAsync(CancellationToken.None);

        Assert.Equal(first, stillCached);
        Assert.NotEqual(first, replaced);
        Assert.Equal(2, harness.DingTalk.Count(V1Token));
    }

    [Fact]
    public async Task The_new_endpoint_is_the_default_and_posts_json_credentials()
    {
        using var harness = new ClientHarness(TestTime.Fake());

        await harness.Client.AccessTokens.GetAsync(CancellationToken.None);

        var request = Assert.Single(harness.DingTalk.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(ClientHarness.ApiBaseUrl + V1Token, request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("dingappkey", request.Json().GetProperty("appKey").GetString());
        Assert.Equal(ClientHarness.AppSecret, request.Json().GetProperty("appSecret").GetString());
        Assert.Null(request.Header("x-acs-dingtalk-access-token"));
    }

    [Fact]
    public async Task The_old_endpoint_is_a_get_with_the_credentials_in_the_query()
    {
        using var harness = new ClientHarness(TestTime.Fake(), client => client.TokenEndpoint = DingTalkEndpointGeneration.Oapi);

        var token = await harness.Client.AccessTokens.GetAsync(CancellationToken.None);

        var request = Assert.Single(harness.DingTalk.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(ClientHarness.OapiBaseUrl + GetToken, request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("dingappkey", request.Query["appkey"]);
        Assert.Equal(ClientHarness.AppSecret, request.Query["appsecret"]);
        Assert.Equal("app-token-1", token);
    }

    [Fact]
    public async Task Tokens_are_cached_per_AppKey()
    {
        var appKey = "first-app";
        using var harness = new ClientHarness(TestTime.Fake(), configureApp: app => app.AppKey = appKey);
        var tokens = harness.Client.AccessTokens;
        var options = harness.Get<IOptionsMonitor<DingTalkOptions>>();

        var first = await tokens.GetAsync(CancellationToken.None);
        options.CurrentValue.AppKey = "second-app";
        var second = await tokens.GetAsync(CancellationToken.None);
        options.CurrentValue.AppKey = "first-app";
        var firstAgain = await tokens.GetAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(first, firstAgain);
        Assert.Equal(["first-app", "second-app"], harness.DingTalk.To(V1Token).Select(r => r.Json().GetProperty("appKey").GetString()));
    }

    [Fact]
    public async Task The_jsapi_ticket_is_cached_and_fetched_with_the_app_token()
    {
        var time = TestTime.Fake();
        using var harness = new ClientHarness(time);
        harness.DingTalk.On("/v1.0/oauth2/jsapiTickets", FakeReply.Json(200, """{"jsapiTicket":"TICKETabc123","expireIn":7200}"""));

        var first = await harness.Client.JsapiTickets.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(100));
        var cached = await harness.Client.JsapiTickets.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(11));
        await harness.Client.JsapiTickets.GetAsync(CancellationToken.None);

        Assert.Equal("TICKETabc123", first);
        Assert.Equal(first, cached);
        var requests = harness.DingTalk.To("/v1.0/oauth2/jsapiTickets");
        Assert.Equal(2, requests.Count);
        Assert.Equal(HttpMethod.Post, requests[0].Method);
        Assert.Equal("app-token-1", requests[0].Header("x-acs-dingtalk-access-token"));
    }

    [Fact]
    public async Task The_old_jsapi_ticket_endpoint_takes_the_token_in_the_query()
    {
        using var harness = new ClientHarness(TestTime.Fake(), client => client.JsapiTicketEndpoint = DingTalkEndpointGeneration.Oapi);
        harness.DingTalk.On("/get_jsapi_ticket", FakeReply.Json(200, """{"errcode":0,"errmsg":"ok","ticket":"TICKETold","expires_in":7200}"""));

        var ticket = await harness.Client.JsapiTickets.GetAsync(CancellationToken.None);

        var request = Assert.Single(harness.DingTalk.To("/get_jsapi_ticket"));
        Assert.Equal("TICKETold", ticket);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("app-token-1", request.Query["access_token"]);
    }
}
