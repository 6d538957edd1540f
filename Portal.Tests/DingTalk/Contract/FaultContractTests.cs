using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Client.Http;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Contract;

/// <summary>The simulator's fault switches reach the typed client as the error kinds it retries on, and the retries recover.</summary>
public sealed class FaultContractTests
{
    private const string UserGet = "oapi POST /topapi/v2/user/get";

    public static TheoryData<object, DingTalkErrorKind, string, string> Faults => new()
    {
        { new { errorRate = 1.0 }, DingTalkErrorKind.Retryable, "-1", "unknownError" },
        { new { rateLimitStormSeconds = 60 }, DingTalkErrorKind.RateLimited, "90018", "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi" },
        { new { outage = "unavailable" }, DingTalkErrorKind.Retryable, DingTalkErrorCodes.ReplyNotJson, "unknownError" },
        { new { outage = "connectionReset" }, DingTalkErrorKind.Retryable, DingTalkErrorCodes.NetworkError, DingTalkErrorCodes.NetworkError },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task With_retries_off_a_fault_switch_surfaces_as_its_kind_on_both_hosts(object faults, DingTalkErrorKind kind, string oapiCode, string apiCode)
    {
        await using var portal = await ContractPortal.StartAsync(("DingTalk:Client:RetryAttempts", "0"));
        var person = await IdentityContractTests.FirstPersonAsync(portal);
        await portal.Get<DingTalkAccessTokens>().GetAsync(default);

        await portal.SetFaultsAsync(faults);

        await ContractPortal.FailsAsync(() => portal.Get<UserClient>().GetAsync(person.UserId, null, default), kind, oapiCode);
        await ContractPortal.FailsAsync(() => portal.Get<DingTalkJsapiTickets>().RequestFromOAuth2Async(default), kind, apiCode);
    }

    [Theory]
    [InlineData("errorRate")]
    [InlineData("connectionReset")]
    public async Task The_client_retries_a_failing_call_until_the_fault_clears(string fault)
    {
        await using var portal = await ContractPortal.StartAsync();
        var person = await IdentityContractTests.FirstPersonAsync(portal);
        await portal.Get<DingTalkAccessTokens>().GetAsync(default);
        await portal.SetFaultsAsync(fault == "errorRate" ? new { errorRate = 1.0 } : new { outage = "connectionReset" });

        var call = portal.Get<UserClient>().GetAsync(person.UserId, null, default);
        await WaitForRefusalAsync(portal);
        await portal.SetFaultsAsync(new { clear = true });

        Assert.Equal(person.UserId, (await call).UserId);
        var (calls, errors) = await portal.StatsAsync(UserGet);
        Assert.Equal(calls - 1, errors);
    }

    [Fact]
    public async Task The_client_waits_out_a_rate_limit_storm()
    {
        await using var portal = await ContractPortal.StartAsync();
        var person = await IdentityContractTests.FirstPersonAsync(portal);
        await portal.Get<DingTalkAccessTokens>().GetAsync(default);
        await portal.SetFaultsAsync(new { rateLimitStormSeconds = 5 });

        var call = portal.Get<UserClient>().GetAsync(person.UserId, null, default);
        await WaitForRefusalAsync(portal);
        portal.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(person.UserId, (await call).UserId);
        Assert.True((await portal.StatsAsync(UserGet)).Errors >= 1);
    }

    private static async Task WaitForRefusalAsync(KestrelPortal portal) =>
        await KestrelPortal.EventuallyAsync(() => portal.StatsAsync(UserGet), stats => stats.Errors >= 1, "the first refusal");
}
