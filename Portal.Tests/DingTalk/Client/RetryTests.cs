using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Http;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Client;

/// <summary>Retries happen only for errors that may pass, with backoff in virtual time.</summary>
public sealed class RetryTests : IDisposable
{
    private const string DepartmentGet = "/topapi/v2/department/get";
    private const string Department = """{"dept_id":2,"name":"R&D","parent_id":1}""";

    private readonly RecordingFakeTimeProvider time = new();
    private readonly ClientHarness harness;

    public RetryTests() => harness = new ClientHarness(time, client => client.RetryAttempts = 3);

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task System_busy_is_retried_with_backoff_until_it_passes()
    {
        AnswerInTurn(FakeReply.OapiError("-1", "system busy"), FakeReply.ApiError(503, "unknownError"), FakeReply.OapiResult(Department));

        var call = harness.Client.Departments.GetAsync(2, null, CancellationToken.None);
        await RunTimersAsync(2);
        var department = await call;

        Assert.Equal("R&D", department.Name);
        Assert.Equal(3, harness.DingTalk.Count(DepartmentGet));
        var delays = time.CreatedTimers;
        Assert.InRange(delays[0], TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        Assert.InRange(delays[1], TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000));
    }

    [Theory]
    [InlineData("90018")]
    [InlineData("90002")]
    public async Task A_rate_limit_waits_at_least_a_second_before_the_retry(string errcode)
    {
        AnswerInTurn(FakeReply.OapiError(errcode, "qps"), FakeReply.OapiResult(Department));

        var call = harness.Client.Departments.GetAsync(2, null, CancellationToken.None);
        await RunTimersAsync(1);
        await call;

        var retries = harness.DingTalk.To(DepartmentGet);
        Assert.Equal(2, retries.Count);
        Assert.True(retries[1].At - retries[0].At >= TimeSpan.FromSeconds(1), $"retried after {retries[1].At - retries[0].At}");
    }

    [Fact]
    public async Task A_network_failure_is_retried()
    {
        AnswerInTurn(FakeReply.Failure(new HttpRequestException("reset")), FakeReply.OapiResult(Department));

        var call = harness.Client.Departments.GetAsync(2, null, CancellationToken.None);
        await RunTimersAsync(1);
        await call;

        Assert.Equal(2, harness.DingTalk.Count(DepartmentGet));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        harness.DingTalk.On(DepartmentGet, FakeReply.OapiError("-1", "system busy"));

        var call = harness.Client.Departments.GetAsync(2, null, CancellationToken.None);
        await RunTimersAsync(3);
        var error = await Assert.ThrowsAsync<DingTalkException>(() => call);

        Assert.Equal("-1", error.Code);
        Assert.Equal(4, harness.DingTalk.Count(DepartmentGet));
    }

    [Theory]
    [InlineData("40035", DingTalkErrorKind.BadRequest)]
    [InlineData("60011", DingTalkErrorKind.Permission)]
    [InlineData("90020", DingTalkErrorKind.QuotaExhausted)]
    [InlineData("40089", DingTalkErrorKind.Auth)]
    [InlineData("12345", DingTalkErrorKind.Unknown)]
    public async Task Permanent_errors_are_never_retried(string errcode, DingTalkErrorKind kind)
    {
        harness.DingTalk.On(DepartmentGet, FakeReply.OapiError(errcode));

        var error = await Assert.ThrowsAsync<DingTalkException>(() => harness.Client.Departments.GetAsync(2, null, CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(1, harness.DingTalk.Count(DepartmentGet));
        Assert.Empty(time.CreatedTimers);
    }

    [Fact]
    public async Task An_ip_block_longer_than_the_longest_delay_is_left_to_the_caller()
    {
        harness.DingTalk.On(DepartmentGet, FakeReply.Json(200, """{"status":1111,"wait":5,"punish":"deny"}"""));

        await Assert.ThrowsAsync<DingTalkException>(() => harness.Client.Departments.GetAsync(2, null, CancellationToken.None));

        Assert.Equal(1, harness.DingTalk.Count(DepartmentGet));
    }

    [Theory]
    [InlineData(0, 0.0, 250)]
    [InlineData(0, 0.999, 500)]
    [InlineData(1, 0.0, 500)]
    [InlineData(3, 0.0, 2000)]
    [InlineData(10, 0.0, 30000)]
    public void Backoff_doubles_with_jitter_up_to_the_ceiling(int attempt, double jitter, int expectedMilliseconds)
    {
        var options = new DingTalkClientOptions();
        var busy = new DingTalkException("Api", "-1", DingTalkErrorKind.Retryable, "busy");

        var delay = DingTalkRetry.Delay(attempt, busy, options, jitter);

        Assert.Equal(expectedMilliseconds, delay.TotalMilliseconds, 0.5);
    }

    [Fact]
    public void Rate_limits_add_a_second_and_honour_a_requested_wait()
    {
        var options = new DingTalkClientOptions();
        var throttled = new DingTalkException("Api", "90018", DingTalkErrorKind.RateLimited, "qps");
        var askedToWait = new DingTalkException("Api", "system.busy", DingTalkErrorKind.RateLimited, "busy") { RetryAfter = TimeSpan.FromSeconds(7) };
        var blocked = new DingTalkException("Api", DingTalkErrorCodes.IpBlocked, DingTalkErrorKind.RateLimited, "blocked") { RetryAfter = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.FromMilliseconds(1250), DingTalkRetry.Delay(0, throttled, options, 0));
        Assert.Equal(TimeSpan.FromSeconds(7), DingTalkRetry.Delay(0, askedToWait, options, 0));
        Assert.True(DingTalkRetry.ShouldRetry(throttled, options));
        Assert.True(DingTalkRetry.ShouldRetry(askedToWait, options));
        Assert.False(DingTalkRetry.ShouldRetry(blocked, options));
    }

    private void AnswerInTurn(params FakeReply[] replies)
    {
        var next = -1;
        harness.DingTalk.On(DepartmentGet, _ => replies[Math.Min(Interlocked.Increment(ref next), replies.Length - 1)]);
    }

    /// <summary>Lets each retry delay pass in virtual time as soon as Polly schedules it.</summary>
    private async Task RunTimersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await time.WaitForTimersAsync(1);
            time.Advance(time.CreatedTimers[i]);
        }
    }
}
