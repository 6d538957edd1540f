using Portal.DingTalk.Client;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Contract;

/// <summary>The portal in Simulator mode for contract tests: its typed client against its own simulator over HTTP.</summary>
internal static class ContractPortal
{
    /// <summary>
    /// HTTP callbacks off (the contacts writes here are about the API, not the events), and short
    /// retry delays: they run on the wall clock, since the portal's test clock only moves when told.
    /// </summary>
    public static Task<KestrelPortal> StartAsync(params (string Key, string? Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["DingTalk:Simulator:CallbackUrl"] = "",
            ["DingTalk:Client:RetryBaseDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return KestrelPortal.StartAsync(all);
    }

    public static async Task<DingTalkException> FailsAsync(Func<Task> call, DingTalkErrorKind kind, string code)
    {
        var error = await Assert.ThrowsAsync<DingTalkException>(call);
        Assert.Equal((kind, code), (error.Kind, error.Code));
        return error;
    }
}
