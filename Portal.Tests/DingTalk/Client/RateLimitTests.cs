using Microsoft.Extensions.Options;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Http;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Client;

/// <summary>Client-side pacing per API, measured in virtual time.</summary>
public sealed class RateLimitTests
{
    private const string UserGet = "/topapi/v2/user/get";
    private const string UserReply = """{"userid":"u001","name":"Zhang San"}""";

    [Fact]
    public async Task A_burst_of_100_calls_to_one_api_never_exceeds_the_configured_qps()
    {
        const int qps = 15;
        const int burst = 100;
        var time = new RecordingFakeTimeProvider();
        using var harness = new ClientHarness(time, client => client.DefaultQps = qps);
        harness.DingTalk.On(UserGet, FakeReply.OapiResult(UserReply));
        await harness.Client.AccessTokens.GetAsync(CancellationToken.None);

        var calls = Enumerable.Range(0, burst).Select(i => harness.Client.Users.GetAsync("u" + i, null, CancellationToken.None)).ToList();
        await time.WaitForTimersAsync(burst - 1);
        for (var arrived = 1; arrived < burst; arrived++)
        {
            await harness.DingTalk.WaitForCountAsync(UserGet, arrived);
            Assert.Equal(arrived, harness.DingTalk.Count(UserGet));
            time.AdvanceToNextTimer();
        }

        await Task.WhenAll(calls);
        var times = harness.DingTalk.To(UserGet).Select(r => r.At).Order().ToList();
        Assert.Equal(burst, times.Count);
        for (var i = 0; i + qps < times.Count; i++)
        {
            Assert.True(times[i + qps] - times[i] >= TimeSpan.FromSeconds(1), $"calls {i}..{i + qps} fell within one second");
        }

        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds((burst - 1) / (double)qps), $"the burst took only {times[^1] - times[0]}");
    }

    [Fact]
    public void Each_api_has_its_own_lane()
    {
        var limiter = Limiter(new DingTalkClientOptions { DefaultQps = 1 }, TestTime.Fake());

        Assert.Equal(TimeSpan.Zero, limiter.Reserve(DingTalkApiNames.UserGet));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve(DingTalkApiNames.UserGet));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(DingTalkApiNames.MessageSend));
    }

    [Fact]
    public void A_per_api_qps_overrides_the_default_and_zero_turns_pacing_off()
    {
        var options = new DingTalkClientOptions { DefaultQps = 15 };
        options.ApiQps["messagesend"] = 2;
        options.ApiQps[DingTalkApiNames.UserList] = 0;
        var limiter = Limiter(options, TestTime.Fake());

        limiter.Reserve(DingTalkApiNames.MessageSend);
        Assert.Equal(TimeSpan.FromMilliseconds(500), limiter.Reserve(DingTalkApiNames.MessageSend));
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(TimeSpan.Zero, limiter.Reserve(DingTalkApiNames.UserList)));
    }

    [Fact]
    public void A_quiet_api_starts_again_without_waiting()
    {
        var time = new RecordingFakeTimeProvider();
        var limiter = Limiter(new DingTalkClientOptions { DefaultQps = 15 }, time);
        for (var i = 0; i < 30; i++)
        {
            limiter.Reserve(DingTalkApiNames.UserGet);
        }

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve(DingTalkApiNames.UserGet));
    }

    [Fact]
    public async Task A_cancelled_wait_ends_the_call_without_sending_it()
    {
        var time = new RecordingFakeTimeProvider();
        using var harness = new ClientHarness(time, client => client.DefaultQps = 1);
        harness.DingTalk.On(UserGet, FakeReply.OapiResult(UserReply));
        await harness.Client.Users.GetAsync("u1", null, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = harness.Client.Users.GetAsync("u2", null, cancel.Token);
        await time.WaitForTimersAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, harness.DingTalk.Count(UserGet));
    }

    private static ApiRateLimiter Limiter(DingTalkClientOptions options, TimeProvider time) =>
        new(new StaticOptionsMonitor<DingTalkClientOptions>(options), time);

    private sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
