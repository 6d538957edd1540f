using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Simulator.Stream;

namespace Portal.DingTalk.Simulator.Events;

internal static class SimulatorEventsSetup
{
    /// <summary>The org event pipeline and the Stream gateway it publishes to, which accepts the simulated app's credentials.</summary>
    public static IServiceCollection AddSimulatorEvents(this IServiceCollection services)
    {
        services.AddSingleton<SimulatorEvents>();
        services.AddSingleton<CallbackSender>();
        services.AddHttpClient(CallbackSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddHostedService<OrgEventDispatcher>();
        services.AddStreamGateway().Configure<IOptionsMonitor<DingTalkOptions>>((gateway, app) =>
        {
            gateway.ValidateCredentials = (clientId, clientSecret) =>
                string.Equals(clientId, app.CurrentValue.AppKey, StringComparison.Ordinal)
                && string.Equals(clientSecret, app.CurrentValue.AppSecret, StringComparison.Ordinal);
            gateway.CorpId = app.CurrentValue.CorpId;
        });
        return services;
    }
}
