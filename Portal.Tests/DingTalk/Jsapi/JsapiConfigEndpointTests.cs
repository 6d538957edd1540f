using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.DingTalk.Client;
using Portal.DingTalk.Crypto;
using Portal.DingTalk.Simulator;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Jsapi;

/// <summary><c>GET /api/dingtalk/jsapi-config</c> over real HTTP, signing with the simulator's JSAPI ticket.</summary>
public sealed class JsapiConfigEndpointTests
{
    [Fact]
    public async Task A_portal_page_is_signed_with_the_apps_ticket_by_SHA_256()
    {
        await using var portal = await StartAsync();
        var page = portal.BaseUrl + "/todos?tab=mine&q=%E5%BE%85%E5%8A%9E#top";

        var config = await ConfigAsync(portal, page);

        var ticket = await portal.Get<DingTalkJsapiTickets>().RequestFromOAuth2Async(default);
        Assert.Equal(SimulatorDefaults.AgentId, config.GetProperty("agentId").GetString());
        Assert.Equal(SimulatorDefaults.CorpId, config.GetProperty("corpId").GetString());
        Assert.Equal(portal.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), config.GetProperty("timeStamp").GetString());
        Assert.Equal(16, config.GetProperty("nonceStr").GetString()!.Length);
        Assert.Equal(64, config.GetProperty("signature").GetString()!.Length);
        Assert.True(Verifies(config, ticket.Value, page, JsapiHashAlgorithm.Sha256));
        Assert.False(Verifies(config, ticket.Value, portal.BaseUrl + "/me", JsapiHashAlgorithm.Sha256));
    }

    [Fact]
    public async Task The_SHA_1_setting_signs_with_SHA_1()
    {
        await using var portal = await StartAsync(("DingTalk:Jsapi:Hash", "Sha1"));
        var page = portal.BaseUrl + "/";

        var config = await ConfigAsync(portal, page);

        var ticket = await portal.Get<DingTalkJsapiTickets>().RequestFromGetJsapiTicketAsync(default);
        Assert.Equal(40, config.GetProperty("signature").GetString()!.Length);
        Assert.True(Verifies(config, ticket.Value, page, JsapiHashAlgorithm.Sha1));
    }

    [Fact]
    public async Task A_page_on_a_listed_host_is_signed_and_any_other_host_is_refused()
    {
        await using var portal = await StartAsync(("DingTalk:Jsapi:AllowedHosts:0", "portal.example.com"));

        await ConfigAsync(portal, "https://portal.example.com/me");
        using var foreign = await GetAsync(portal, "https://evil.example.com/me");

        await AssertProblemAsync(foreign, HttpStatusCode.BadRequest, "foreign-url", "url");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/todos")]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/file")]
    public async Task A_missing_or_invalid_url_is_a_400_naming_the_field(string? url)
    {
        await using var portal = await StartAsync();

        using var response = await GetAsync(portal, url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid-url", "url");
    }

    [Fact]
    public async Task Past_the_per_minute_limit_a_client_gets_a_429_problem()
    {
        await using var portal = await StartAsync(("DingTalk:Jsapi:RequestsPerMinute", "3"));
        var page = portal.BaseUrl + "/";

        for (var request = 0; request < 3; request++)
        {
            await ConfigAsync(portal, page);
        }

        using var limited = await GetAsync(portal, page);
        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited", null);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task When_DingTalk_is_down_the_answer_is_a_503_problem()
    {
        await using var portal = await StartAsync();
        await portal.SetFaultsAsync(new { outage = "unavailable" });

        using var response = await GetAsync(portal, portal.BaseUrl + "/");

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "dingtalk-unavailable", null);
    }

    private static Task<KestrelPortal> StartAsync(params (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["DingTalk:Simulator:CallbackUrl"] = "",
            ["DingTalk:Client:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return KestrelPortal.StartAsync(all);
    }

    private static async Task<HttpResponseMessage> GetAsync(KestrelPortal portal, string? url) =>
        await portal.Http.GetAsync(new Uri(url is null ? "api/dingtalk/jsapi-config" : $"api/dingtalk/jsapi-config?url={Uri.EscapeDataString(url)}", UriKind.Relative));

    private static async Task<JsonElement> ConfigAsync(KestrelPortal portal, string url)
    {
        using var response = await GetAsync(portal, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static bool Verifies(JsonElement config, string ticket, string url, JsapiHashAlgorithm hash) => JsapiSignature.Verify(
        config.GetProperty("signature").GetString(),
        ticket,
        config.GetProperty("nonceStr").GetString()!,
        config.GetProperty("timeStamp").GetString()!,
        url,
        new JsapiSignatureOptions { Hash = hash });

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("urn:portal:problem:" + code, problem.GetProperty("type").GetString());
        Assert.Equal(field, problem.TryGetProperty("field", out var named) ? named.GetString() : null);
    }
}
