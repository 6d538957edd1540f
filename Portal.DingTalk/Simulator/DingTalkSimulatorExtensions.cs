using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Simulator.Endpoints;
using Portal.DingTalk.Simulator.Events;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.State;
using Portal.DingTalk.Simulator.Stream;

namespace Portal.DingTalk.Simulator;

public static class DingTalkSimulatorExtensions
{
    /// <summary>The simulator's services; cheap and inert until <see cref="MapDingTalkSimulator"/> maps it in Simulator mode.</summary>
    public static IServiceCollection AddDingTalkSimulator(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SimulatorState>();
        services.AddSingleton<SimulatorCredentials>();
        services.AddSingleton<SimulatorFaults>();
        services.AddSingleton<CallLimiter>();
        services.AddSingleton<SimulatorStats>();
        services.AddSingleton<MonthlyQuota>();
        services.AddSingleton<SimulatorRuntime>();
        services.AddSingleton(provider => new SimulatorSignIn(provider.GetRequiredService<SimulatorRuntime>()));
        services.AddSingleton(sp => new SimulatedInboxes(sp.GetRequiredService<SimulatorState>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<SimulatorPersistence>();
        services.AddSimulatorEvents();
        return services;
    }

    /// <summary>
    /// In Simulator mode, serves DingTalk locally: <c>/_dingtalk/oapi</c> mirrors https://oapi.dingtalk.com,
    /// <c>/_dingtalk/api</c> https://api.dingtalk.com, <c>/_dingtalk/login</c> https://login.dingtalk.com,
    /// and <c>/_dingtalk/_control</c> is the simulator's own control API. The Stream gateway answers
    /// under <c>/_dingtalk/api</c> as DingTalk's does under api.dingtalk.com. In Live mode nothing is mapped.
    /// </summary>
    public static IEndpointRouteBuilder MapDingTalkSimulator(this IEndpointRouteBuilder endpoints)
    {
        var mode = endpoints.ServiceProvider.GetRequiredService<IOptionsMonitor<DingTalkOptions>>().CurrentValue.Mode;
        if (mode != DingTalkMode.Simulator)
        {
            return endpoints;
        }

        var oapi = endpoints.MapGroup(SimulatorDefaults.OapiPath);
        var api = endpoints.MapGroup(SimulatorDefaults.ApiPath);
        TokenEndpoints.Map(oapi, api);
        IdentityEndpoints.Map(oapi, api);
        DepartmentEndpoints.Map(oapi);
        UserQueryEndpoints.Map(oapi);
        UserWriteEndpoints.Map(oapi);
        WorkNotificationEndpoints.Map(oapi);
        TodoEndpoints.Map(api);
        TodoQueryEndpoint.Map(api);
        DingEndpoints.Map(api);
        CallbackEndpoints.Map(oapi);
        api.Map("/{**path}", (HttpResponse response) =>
            ApiReply.Error(StatusCodes.Status404NotFound, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.").WriteAsync(response));

        OAuthLoginPage.Map(endpoints.MapGroup(SimulatorDefaults.LoginPath));
        ControlEndpoints.Map(endpoints.MapGroup(SimulatorDefaults.ControlPath));
        ControlInboxEndpoints.Map(endpoints.MapGroup(SimulatorDefaults.ControlPath));
        ControlEventEndpoints.Map(endpoints.MapGroup(SimulatorDefaults.ControlPath));
        ControlOrganisationEndpoints.Map(endpoints.MapGroup(SimulatorDefaults.ControlPath));
        ControlDingEndpoints.Map(endpoints.MapGroup(SimulatorDefaults.ControlPath));
        endpoints.MapStreamGateway(SimulatorDefaults.ApiPath);
        DropStreamConnectionsOnStop(endpoints.ServiceProvider);
        return endpoints;
    }

    /// <summary>
    /// The portal's own Stream client holds a WebSocket request open on this server; dropping it when
    /// the portal begins to stop keeps the server from waiting out its shutdown timeout for it.
    /// </summary>
    private static void DropStreamConnectionsOnStop(IServiceProvider services)
    {
        var gateway = services.GetRequiredService<StreamGateway>();
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => _ = gateway.AbortAllAsync());
    }
}
