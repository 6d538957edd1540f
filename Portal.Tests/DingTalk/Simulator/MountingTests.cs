using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Simulator;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>Where the simulator is mounted, what the DingTalk options resolve to, and where it must not run.</summary>
public sealed class MountingTests
{
    [Fact]
    public async Task In_Simulator_mode_unset_keys_resolve_to_the_demo_app_and_the_portals_own_address()
    {
        await using var host = await SimulatorHost.StartAsync();

        var options = host.Services.GetRequiredService<IOptionsMonitor<DingTalkOptions>>().CurrentValue;

        Assert.Equal(new Uri(host.Http.BaseAddress!, "_dingtalk/oapi").ToString(), options.OapiBaseUrl);
        Assert.Equal(new Uri(host.Http.BaseAddress!, "_dingtalk/api").ToString(), options.ApiBaseUrl);
        Assert.Equal(SimulatorDefaults.AppKey, options.AppKey);
        Assert.Equal(SimulatorDefaults.AppSecret, options.AppSecret);
        Assert.Equal(SimulatorDefaults.CorpId, options.CorpId);
        Assert.Equal(SimulatorDefaults.AgentId, options.AgentId);

        using var fromOptions = new HttpClient();
        var token = await SimulatorHost.ReadJsonAsync(await fromOptions.GetAsync(new Uri($"{options.OapiBaseUrl}/gettoken?appkey={options.AppKey}&appsecret={options.AppSecret}")));
        Assert.Equal(0, token.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task Configured_keys_win_and_the_simulator_accepts_the_configured_credentials()
    {
        await using var host = await SimulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["DingTalk:AppKey"] = "dingmyownapp",
            ["DingTalk:AppSecret"] = "my-own-secret",
            ["DingTalk:OapiBaseUrl"] = "http://dingtalk.internal.example",
        });

        var options = host.Services.GetRequiredService<IOptionsMonitor<DingTalkOptions>>().CurrentValue;
        var accepted = await host.GetJsonAsync("_dingtalk/oapi/gettoken?appkey=dingmyownapp&appsecret=my-own-secret");
        var demo = await host.GetJsonAsync($"_dingtalk/oapi/gettoken?appkey={SimulatorDefaults.AppKey}&appsecret={SimulatorDefaults.AppSecret}");

        Assert.Equal("http://dingtalk.internal.example", options.OapiBaseUrl);
        Assert.EndsWith("/_dingtalk/api", options.ApiBaseUrl, StringComparison.Ordinal);
        Assert.Equal(0, accepted.GetProperty("errcode").GetInt32());
        Assert.Equal(40089, demo.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task In_Live_mode_nothing_of_the_simulator_is_mapped()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, LiveMode.Settings());
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/_dingtalk/_control/users", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/_dingtalk/_control/stats", UriKind.Relative))).StatusCode);

        var mint = await client.PostAsJsonAsync(new Uri("/_dingtalk/_control/authcodes", UriKind.Relative), new { userId = "anyone" });
        Assert.Equal(HttpStatusCode.NotFound, mint.StatusCode);
        Assert.Contains("\"code\":\"http-404\"", await mint.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/_dingtalk/oapi/gettoken?appkey=dingappkey&appsecret=app-secret", UriKind.Relative))).StatusCode);
        Assert.Equal("https://oapi.dingtalk.com", app.Services.GetRequiredService<IOptionsMonitor<DingTalkOptions>>().CurrentValue.OapiBaseUrl);
    }

    [Fact]
    public async Task Starting_in_Production_with_the_simulator_fails_with_a_clear_message()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?> { ["DingTalk:Mode"] = "Simulator" }) { Environment = "Production" };

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("DingTalk:Mode is 'Simulator' but the environment is Production", Errors.Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task Outside_Development_a_portal_without_a_DingTalk_mode_does_not_start_and_mints_nothing(string environment)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database) { Environment = environment };

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(environment == "Staging" ? "DingTalk:Mode is not set" : "environment is Production", Errors.Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_simulator_runs_only_when_chosen_outright()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?> { ["DingTalk:Mode"] = "Simulator" }) { Environment = "Staging" };
        using var client = app.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(DingTalkMode.Simulator, app.Services.GetRequiredService<IOptionsMonitor<DingTalkOptions>>().CurrentValue.Mode);
    }

}
