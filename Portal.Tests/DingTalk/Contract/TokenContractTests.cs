using Portal.DingTalk.Client;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Contract;

/// <summary><see cref="DingTalkAccessTokens"/> and <see cref="DingTalkJsapiTickets"/> against the simulator, both endpoint generations each.</summary>
public sealed class TokenContractTests
{
    private const string Gettoken = "oapi GET /gettoken";
    private const string OAuth2Token = "api POST /v1.0/oauth2/accessToken";

    [Fact]
    public async Task Both_token_endpoints_hand_out_the_same_7200_second_token_and_refuse_a_wrong_secret()
    {
        await using var portal = await ContractPortal.StartAsync();
        var tokens = portal.Get<DingTalkAccessTokens>();

        var old = await tokens.RequestFromGettokenAsync(SimulatorDefaults.AppKey, SimulatorDefaults.AppSecret, default);
        var current = await tokens.RequestFromOAuth2Async(SimulatorDefaults.AppKey, SimulatorDefaults.AppSecret, default);

        Assert.Equal(old.Value, current.Value);
        Assert.Equal(TimeSpan.FromSeconds(7200), old.ExpiresIn);
        Assert.Equal(TimeSpan.FromSeconds(7200), current.ExpiresIn);
        await ContractPortal.FailsAsync(() => tokens.RequestFromGettokenAsync(SimulatorDefaults.AppKey, "wrong-secret", default), DingTalkErrorKind.Auth, "40089");
        await ContractPortal.FailsAsync(() => tokens.RequestFromOAuth2Async(SimulatorDefaults.AppKey, "wrong-secret", default), DingTalkErrorKind.Auth, "invalidClientIdOrSecret");
    }

    [Theory]
    [InlineData("V1", OAuth2Token)]
    [InlineData("Oapi", Gettoken)]
    public async Task The_cached_token_comes_from_the_configured_endpoint_once_until_invalidated(string generation, string endpoint)
    {
        await using var portal = await ContractPortal.StartAsync(("DingTalk:Client:TokenEndpoint", generation));
        var tokens = portal.Get<DingTalkAccessTokens>();

        var first = await tokens.GetAsync(default);
        Assert.Equal(first, await tokens.GetAsync(default));
        Assert.Equal((1, 0), await portal.StatsAsync(endpoint));

        tokens.Invalidate(first);
        Assert.Equal(first, await tokens.GetAsync(default));
        Assert.Equal((2, 0), await portal.StatsAsync(endpoint));
    }

    [Fact]
    public async Task A_token_DingTalk_ended_early_is_replaced_and_the_call_succeeds()
    {
        await using var portal = await ContractPortal.StartAsync();
        var tickets = portal.Get<DingTalkJsapiTickets>();
        var stale = await portal.Get<DingTalkAccessTokens>().GetAsync(default);

        await portal.SetFaultsAsync(new { expireTokens = true });
        await tickets.RequestFromGetJsapiTicketAsync(default);

        Assert.NotEqual(stale, await portal.Get<DingTalkAccessTokens>().GetAsync(default));
        Assert.Equal((2, 0), await portal.StatsAsync(OAuth2Token));
        Assert.Equal((2, 1), await portal.StatsAsync("oapi GET /get_jsapi_ticket"));
    }

    [Fact]
    public async Task Both_ticket_endpoints_hand_out_one_ticket_which_the_cache_keeps()
    {
        await using var portal = await ContractPortal.StartAsync();
        var tickets = portal.Get<DingTalkJsapiTickets>();

        var old = await tickets.RequestFromGetJsapiTicketAsync(default);
        var current = await tickets.RequestFromOAuth2Async(default);
        var cached = await tickets.GetAsync(default);

        Assert.Equal(old.Value, current.Value);
        Assert.Equal(old.Value, cached);
        Assert.Equal(TimeSpan.FromSeconds(7200), current.ExpiresIn);
        Assert.Equal(cached, await tickets.GetAsync(default));
        Assert.Equal((2, 0), await portal.StatsAsync("api POST /v1.0/oauth2/jsapiTickets"));
    }

    [Fact]
    public async Task The_ticket_cache_can_use_the_oapi_endpoint()
    {
        await using var portal = await ContractPortal.StartAsync(("DingTalk:Client:JsapiTicketEndpoint", "Oapi"));

        var ticket = await portal.Get<DingTalkJsapiTickets>().GetAsync(default);

        Assert.Equal(64, ticket.Length);
        Assert.Equal((1, 0), await portal.StatsAsync("oapi GET /get_jsapi_ticket"));
        Assert.Equal((0, 0), await portal.StatsAsync("api POST /v1.0/oauth2/jsapiTickets"));
    }
}
