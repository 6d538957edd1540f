using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Simulator;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Features.DingTalkEvents;

/// <summary>
/// Points the simulator's HTTP callbacks at this portal unless told otherwise: its own
/// <see cref="DingTalkEventsSetup.CallbackPath"/> on its listening address, signed with the token
/// and key the endpoint checks. Under a server that does not listen (a test server) there is no
/// address to call, so callbacks stay off.
/// </summary>
internal sealed class SimulatorCallbackTarget(IServer server, IOptions<CallbackOptions> callback) : IPostConfigureOptions<SimulatorOptions>
{
    public void PostConfigure(string? name, SimulatorOptions options)
    {
        if (options.CallbackUrl is null && ListeningAddress.Of(server) is { } self)
        {
            options.CallbackUrl = self + DingTalkEventsSetup.CallbackPath;
        }

        options.CallbackToken = options.CallbackToken.Length > 0 ? options.CallbackToken : callback.Value.Token;
        options.CallbackAesKey = options.CallbackAesKey.Length > 0 ? options.CallbackAesKey : callback.Value.AesKey;
    }
}
