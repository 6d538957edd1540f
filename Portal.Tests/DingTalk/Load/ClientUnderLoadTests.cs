using System.Diagnostics;
using System.Net;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Simulator;
using Portal.Tests.DingTalk.Contract;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.DingTalk.Load;

/// <summary>The typed client under many concurrent callers, against the simulator over real HTTP.</summary>
public sealed class ClientUnderLoadTests(ITestOutputHelper output)
{
    private const string UserGet = "oapi POST /topapi/v2/user/get";
    private const string TokenEndpoint = "api POST /v1.0/oauth2/accessToken";

    [Fact]
    public async Task After_the_token_expires_a_thousand_concurrent_calls_fetch_exactly_one_new_token()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?>
        {
            ["DingTalk:Client:DefaultQps"] = "0",
            ["DingTalk:Simulator:EnforceLimits"] = "false",
            ["DingTalk:Simulator:CallbackUrl"] = "",
        });
        var person = await IdentityContractTests.FirstPersonAsync(portal);
        var users = portal.Get<UserClient>();
        await users.GetAsync(person.UserId, null, default);
        portal.Time.Advance(TimeSpan.FromSeconds(7201));

        var clock = Stopwatch.StartNew();
        var profiles = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => users.GetAsync(person.UserId, null, default)));
        clock.Stop();

        Assert.All(profiles, profile => Assert.Equal(person.UserId, profile.UserId));
        var tokenRequests = await portal.StatsAsync(TokenEndpoint);
        Assert.Equal((2, 0), tokenRequests);
        Assert.Equal((1001, 0), await portal.StatsAsync(UserGet));
        output.WriteLine($"1,000 calls after expiry: {tokenRequests.Calls - 1} token request(s), {clock.ElapsedMilliseconds} ms wall time");
    }

    [Fact]
    public async Task Two_hundred_calls_paced_at_15_QPS_never_meet_the_simulators_20_QPS_limit()
    {
        var clock = new RecordingFakeTimeProvider();
        await using var portal = await KestrelPortal.StartAsync(
            new Dictionary<string, string?> { ["DingTalk:Simulator:CallbackUrl"] = "" }, clock: clock);
        var person = await IdentityContractTests.FirstPersonAsync(portal);
        var users = portal.Get<UserClient>();
        var otherTimers = clock.PendingTimers;
        var wall = Stopwatch.StartNew();

        var calls = Enumerable.Range(0, 200).Select(_ => users.GetAsync(person.UserId, null, default)).ToList();
        while (calls.Any(call => !call.IsCompleted))
        {
            await UntilEveryCallWaitsForItsSlotAsync(clock, otherTimers, calls);
            if (calls.Any(call => !call.IsCompleted))
            {
                clock.AdvanceToNextTimer();
            }
        }

        wall.Stop();
        Assert.All(await Task.WhenAll(calls), profile => Assert.Equal(person.UserId, profile.UserId));
        var (userCalls, refusals) = await portal.StatsAsync(UserGet);
        Assert.Equal((200, 0), (userCalls, refusals));
        var limits = await portal.GetJsonAsync("_dingtalk/_control/faults");
        Assert.Equal((true, 20), (limits.GetProperty("enforceLimits").GetBoolean(), limits.GetProperty("qpsPerApi").GetInt32()));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(199.0 / 15), TimeSpan.FromSeconds(200.0 / 15));
        output.WriteLine($"200 calls: {refusals} × 90018, {clock.Elapsed.TotalSeconds:F2} s virtual, {wall.ElapsedMilliseconds} ms wall time");
    }

    [Fact]
    public async Task A_second_portal_in_Live_mode_is_ready_against_the_simulator_and_not_with_a_wrong_secret()
    {
        await using var simulator = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:CallbackUrl"] = "" });

        Assert.Equal(HttpStatusCode.OK, await ReadinessOfLivePortalAsync(simulator, SimulatorDefaults.AppSecret));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessOfLivePortalAsync(simulator, "not-the-secret"));
    }

    private static async Task<HttpStatusCode> ReadinessOfLivePortalAsync(KestrelPortal simulator, string appSecret)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var live = new PortalAppFactory(database, new Dictionary<string, string?>
        {
            ["DingTalk:Mode"] = "Live",
            ["DingTalk:AppKey"] = SimulatorDefaults.AppKey,
            ["DingTalk:AppSecret"] = appSecret,
            ["DingTalk:CorpId"] = SimulatorDefaults.CorpId,
            ["DingTalk:AgentId"] = SimulatorDefaults.AgentId,
            ["DingTalk:OapiBaseUrl"] = simulator.BaseUrl + SimulatorDefaults.OapiPath,
            ["DingTalk:ApiBaseUrl"] = simulator.BaseUrl + SimulatorDefaults.ApiPath,
        });
        using var client = live.CreateClient();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return ready.StatusCode;
    }

    /// <summary>
    /// Waits (in real time) until no call is on the wire: each unfinished call waits on a timer. Only
    /// then may the clock move, or calls released earlier would reach the simulator at a later
    /// virtual time than their slot and bunch up in its one-second window.
    /// </summary>
    /// <param name="otherTimers">Timers the portal had before the calls began (periodic workers), which stay pending.</param>
    private static async Task UntilEveryCallWaitsForItsSlotAsync(RecordingFakeTimeProvider clock, int otherTimers, List<Task<DingTalkUser>> calls)
    {
        var deadline = Stopwatch.StartNew();
        while (clock.PendingTimers - otherTimers != calls.Count(call => !call.IsCompleted))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "calls did not settle on their pacing timers");
            await Task.Delay(1);
        }
    }
}
