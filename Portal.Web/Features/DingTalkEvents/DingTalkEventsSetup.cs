using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Events;
using Portal.DingTalk.Simulator;
using Portal.DingTalk.Stream;

namespace Portal.Web.Features.DingTalkEvents;

public static class DingTalkEventsSetup
{
    public const string CallbackPath = "/dingtalk/callback";

    public static IServiceCollection AddDingTalkEvents(this IServiceCollection services)
    {
        services.AddOptions<CallbackOptions>().BindConfiguration(CallbackOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CallbackOptions>, CallbackOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<CallbackOptions>, SimulatorCallbackDefaults>();
        services.AddSingleton<IPostConfigureOptions<SimulatorOptions>, SimulatorCallbackTarget>();
        services.AddSingleton<RecordDingTalkEvent>();

        services.AddOptions<StreamHostingOptions>().BindConfiguration(StreamHostingOptions.SectionName);
        services.AddDingTalkStreamClient().BindConfiguration(StreamClientOptions.SectionName).ValidateOnStart();
        services.AddScoped<IOrgEventHandler, InboxOrgEventHandler>();
        services.AddHostedService<StreamWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapDingTalkEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(CallbackPath, CallbackEndpoint.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("DingTalkCallback");
        return endpoints;
    }

    private sealed class SimulatorCallbackDefaults(IOptions<DingTalkOptions> dingTalk) : IPostConfigureOptions<CallbackOptions>
    {
        public void PostConfigure(string? name, CallbackOptions options)
        {
            if (dingTalk.Value.Mode == DingTalkMode.Simulator && !options.IsConfigured)
            {
                // Simulator mode works out of the box: the local DingTalk signs its callbacks with these.
                options.Token = SimulatorDefaults.CallbackToken;
                options.AesKey = SimulatorDefaults.CallbackAesKey;
            }
        }
    }

    private sealed class CallbackOptionsValidator : IValidateOptions<CallbackOptions>
    {
        public ValidateOptionsResult Validate(string? name, CallbackOptions options)
        {
            if (options.AesKey.Length > 0 && options.AesKey.Length != 43)
            {
                return ValidateOptionsResult.Fail("DingTalk:Callback:AesKey must be the 43-character EncodingAESKey.");
            }

            if (options.Token.Length > 0 && (options.Token.Length is < 3 or > 32 || !options.Token.All(char.IsAsciiLetterOrDigit)))
            {
                return ValidateOptionsResult.Fail("DingTalk:Callback:Token must be 3–32 letters or digits.");
            }

            return options.MaxAgeMinutes > 0 && options.MaxAheadMinutes > 0 && options.MaxBodyBytes > 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("DingTalk:Callback:MaxAgeMinutes, MaxAheadMinutes and MaxBodyBytes must be positive.");
        }
    }
}
