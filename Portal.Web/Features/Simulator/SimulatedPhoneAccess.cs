using Microsoft.Extensions.Options;
using Portal.DingTalk;

namespace Portal.Web.Features.Simulator;

/// <summary>
/// The simulated phone exists only where the simulator does and only for developers: in Development
/// with DingTalk in Simulator mode. Anywhere else its page answers 404, as if it were not there.
/// </summary>
public sealed class SimulatedPhoneAccess(IHostEnvironment environment, IOptionsMonitor<DingTalkOptions> dingTalk)
{
    /// <summary>The phone's page (its <c>@page</c> directive repeats it).</summary>
    public const string Path = "/simulator/phone";

    public bool IsAvailable => environment.IsDevelopment() && dingTalk.CurrentValue.Mode == DingTalkMode.Simulator;
}
