using System.Net;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>DingTalk's per-app per-API QPS limit on the simulator's clock, switchable by options and the control API.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task The_twenty_first_call_within_a_second_answers_90018_and_the_next_second_is_free_again()
    {
        await using var host = await SimulatorHost.StartAsync();
        var token = await host.AppTokenAsync();
        var person = (await host.PeopleAsync())[0];

        for (var call = 0; call < 20; call++)
        {
            Assert.Equal(0, await CodeAsync(host, token, person.UserId));
        }

        Assert.Equal(90018, await CodeAsync(host, token, person.UserId));
        Assert.Equal(0, (await host.TopAsync("topapi/user/getbyunionid", new { unionid = person.UnionId }, token)).GetProperty("errcode").GetInt32());

        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await CodeAsync(host, token, person.UserId));
    }

    [Fact]
    public async Task The_api_host_answers_403_QpsLimitForAppkeyAndApi()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:QpsPerApi"] = "3" });
        var body = new { appKey = SimulatorDefaults.AppKey, appSecret = SimulatorDefaults.AppSecret };

        for (var call = 0; call < 3; call++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/accessToken", body)).StatusCode);
        }

        var refused = await host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/accessToken", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", (await SimulatorHost.ReadJsonAsync(refused)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Limits_switched_off_by_option_or_control_API_allow_any_rate()
    {
        await using var unlimited = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:EnforceLimits"] = "false" });
        await using var switched = await SimulatorHost.StartAsync();
        await switched.SetFaultsAsync(new { enforceLimits = false });

        foreach (var host in new[] { unlimited, switched })
        {
            var token = await host.AppTokenAsync();
            var person = (await host.PeopleAsync())[0];
            for (var call = 0; call < 30; call++)
            {
                Assert.Equal(0, await CodeAsync(host, token, person.UserId));
            }

            Assert.Equal(0, (await host.TopAsync("topapi/v2/user/list", new { dept_id = 1, cursor = 0, size = 500 }, token)).GetProperty("errcode").GetInt32());
        }
    }

    [Fact]
    public async Task The_control_API_changes_the_limit()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.SetFaultsAsync(new { qpsPerApi = 2 });
        var token = await host.AppTokenAsync();
        var person = (await host.PeopleAsync())[0];

        Assert.Equal(0, await CodeAsync(host, token, person.UserId));
        Assert.Equal(0, await CodeAsync(host, token, person.UserId));
        Assert.Equal(90018, await CodeAsync(host, token, person.UserId));
    }

    private static async Task<int> CodeAsync(SimulatorHost host, string token, string userId) =>
        (await host.TopAsync("topapi/v2/user/get", new { userid = userId }, token)).GetProperty("errcode").GetInt32();
}
