using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Simulator;

namespace Portal.Web.Infrastructure.DingTalk;

public static class DingTalkSimulatorSetup
{
    /// <summary>
    /// The local DingTalk: its services, Simulator-mode defaults for the DingTalk keys (demo app
    /// credentials, base URLs on the portal's own address), and the refusal to run it in Production.
    /// Both the DingTalk and the simulator options are recomputed once the portal listens, since
    /// their defaults name its address.
    /// </summary>
    public static IServiceCollection AddPortalDingTalkSimulator(this IServiceCollection services)
    {
        services.AddSingleton<IPostConfigureOptions<DingTalkOptions>, SimulatorModeDefaults>();
        services.AddSingleton<IOptionsChangeTokenSource<DingTalkOptions>, ServerStartedChangeTokenSource<DingTalkOptions>>();
        services.AddSingleton<IOptionsChangeTokenSource<SimulatorOptions>, ServerStartedChangeTokenSource<SimulatorOptions>>();
        services.AddSingleton<IValidateOptions<DingTalkOptions>, SimulatorNotInProductionValidator>();
        services.AddDingTalkSimulator();
        return services;
    }
}

/// <summary>The control API can mint sign-in codes for anyone, so a production portal must talk to the real DingTalk.</summary>
internal sealed class SimulatorNotInProductionValidator(IHostEnvironment environment) : IValidateOptions<DingTalkOptions>
{
    public ValidateOptionsResult Validate(string? name, DingTalkOptions options) =>
        options.Mode == DingTalkMode.Simulator && environment.IsProduction()
            ? ValidateOptionsResult.Fail(
                "DingTalk:Mode is 'Simulator' but the environment is Production. The DingTalk simulator's control API " +
                $"({SimulatorDefaults.ControlPath}) can mint sign-in codes for anyone, so it never runs in production: set DingTalk:Mode " +
                "to 'Live' with DingTalk:AppKey, DingTalk:AppSecret, DingTalk:CorpId and DingTalk:AgentId.")
            : ValidateOptionsResult.Success;
}
