using System.Diagnostics;
using System.Net;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The control API's fault switches turn on, show in the answers, and turn off again.</summary>
public sealed class FaultTests : SimulatorTest
{
    [Fact]
    public async Task An_error_rate_of_one_fails_every_call_on_both_hosts_until_cleared()
    {
        var token = await Host.AppTokenAsync();
        await Host.SetFaultsAsync(new { errorRate = 1.0 });

        Assert.Equal(-1, (await Host.TopAsync("topapi/v2/department/listsubid", new { dept_id = 1 }, token)).GetProperty("errcode").GetInt32());
        var api = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/jsapiTickets", new { }, token);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("unknownError", (await SimulatorHost.ReadJsonAsync(api)).GetProperty("code").GetString());

        await Host.SetFaultsAsync(new { errorRate = 0.0 });
        Assert.Equal(0, (await Host.TopAsync("topapi/v2/department/listsubid", new { dept_id = 1 }, token)).GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task Forced_token_expiry_answers_42001_and_a_new_token_follows()
    {
        var token = await Host.AppTokenAsync();
        await Host.SetFaultsAsync(new { expireTokens = true });

        Assert.Equal(42001, (await Host.TopAsync("topapi/v2/department/listsubid", new { dept_id = 1 }, token)).GetProperty("errcode").GetInt32());
        var renewed = await Host.AppTokenAsync();
        Assert.NotEqual(token, renewed);
        Assert.Equal(0, (await Host.TopAsync("topapi/v2/department/listsubid", new { dept_id = 1 }, renewed)).GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task A_rate_limit_storm_throttles_every_call_for_its_seconds()
    {
        await Host.SetFaultsAsync(new { rateLimitStormSeconds = 10 });

        var during = await Host.GetJsonAsync($"_dingtalk/oapi/gettoken?appkey={SimulatorDefaults.AppKey}&appsecret={SimulatorDefaults.AppSecret}");
        Assert.Equal(90018, during.GetProperty("errcode").GetInt32());
        var api = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/accessToken", new { appKey = SimulatorDefaults.AppKey, appSecret = SimulatorDefaults.AppSecret });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        Host.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(string.IsNullOrEmpty(await Host.AppTokenAsync()));
    }

    [Fact]
    public async Task An_outage_answers_503_or_drops_the_connection_and_ends_when_switched_off()
    {
        await Host.SetFaultsAsync(new { outage = "unavailable" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Host.GetAsync("_dingtalk/oapi/gettoken")).StatusCode);
        var api = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/accessToken", new { appKey = "x" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("unknownError", (await SimulatorHost.ReadJsonAsync(api)).GetProperty("code").GetString());

        await Host.SetFaultsAsync(new { outage = "connectionReset" });
        await Assert.ThrowsAsync<HttpRequestException>(() => Host.GetAsync("_dingtalk/oapi/gettoken"));

        await Host.SetFaultsAsync(new { clear = true });
        Assert.False(string.IsNullOrEmpty(await Host.AppTokenAsync()));
    }

    [Fact]
    public async Task Added_latency_delays_answers_until_cleared()
    {
        await Host.SetFaultsAsync(new { latencyMs = 300 });
        var watch = Stopwatch.StartNew();
        await Host.AppTokenAsync();
        Assert.True(watch.ElapsedMilliseconds >= 290, $"answered after {watch.ElapsedMilliseconds} ms");

        var faults = await Host.PostForJsonAsync("_dingtalk/_control/faults", new { latencyMs = 0 });
        Assert.Equal(0, faults.GetProperty("latencyMs").GetInt32());
    }

    [Fact]
    public async Task Invalid_switch_values_are_refused_with_a_problem_naming_them()
    {
        var reply = await Host.PostJsonAsync("_dingtalk/_control/faults", new { errorRate = 2.0 });

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Equal("invalidErrorRate", (await SimulatorHost.ReadJsonAsync(reply)).GetProperty("code").GetString());
    }
}
