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
        services.AddSingleton<IValidateOptions<DingTalkOptions>, SimulatorOnlyWhereChosen>();
        services.AddDingTalkSimulator();
        return services;
    }
}

/// <summary>
/// The control API can mint sign-in codes for anyone, so the simulator runs only where someone chose it:
/// in Development (where it is the default), or elsewhere when <c>DingTalk:Mode</c> says so outright,
/// and never in Production.
/// </summary>
internal sealed class SimulatorOnlyWhereChosen(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<DingTalkOptions>
{
    private const string LiveHint =
        "set DingTalk:Mode to 'Live' with DingTalk:AppKey, DingTalk:AppSecret, DingTalk:CorpId and DingTalk:AgentId.";

    public ValidateOptionsResult Validate(string? name, DingTalkOptions options)
    {
        if (options.Mode != DingTalkMode.Simulator || environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }

        if (environment.IsProduction())
        {
            return ValidateOptionsResult.Fail(
                "DingTalk:Mode is 'Simulator' but the environment is Production. The DingTalk simulator's control API " +
                $"({SimulatorDefaults.ControlPath}) can mint sign-in codes for anyone, so it never runs in production: " + LiveHint);
        }

        return string.IsNullOrWhiteSpace(configuration[$"{DingTalkOptions.SectionName}:{nameof(DingTalkOptions.Mode)}"])
            ? ValidateOptionsResult.Fail(
                $"DingTalk:Mode is not set and the environment is {environment.EnvironmentName}. Outside Development the portal " +
                $"does not fall back to the DingTalk simulator, whose control API ({SimulatorDefaults.ControlPath}) can mint sign-in " +
                "codes for anyone: " + LiveHint + " For a demo or test server, set DingTalk:Mode to 'Simulator' explicitly.")
            : ValidateOptionsResult.Success;
    }
}
