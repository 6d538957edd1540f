using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Client.Callbacks;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Client.Ding;
using Portal.DingTalk.Client.Http;
using Portal.DingTalk.Client.Identity;
using Portal.DingTalk.Client.Messages;
using Portal.DingTalk.Client.Todo;

namespace Portal.DingTalk.Client;

public static class DingTalkClientServices
{
    /// <summary>
    /// Registers the typed client over the named HttpClient <see cref="DingTalkAccessTokens.HttpClientName"/>.
    /// The host binds <see cref="DingTalkOptions"/> and <see cref="DingTalkClientOptions"/>.
    /// </summary>
    public static IHttpClientBuilder AddDingTalkClient(this IServiceCollection services)
    {
        services.AddOptions<DingTalkOptions>();
        services.AddOptions<DingTalkClientOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiRateLimiter>();
        services.TryAddSingleton<DingTalkHttp>();
        services.TryAddSingleton<AppTokenHttp>();
        services.TryAddSingleton(sp => new DingTalkAccessTokens(
            sp.GetRequiredService<DingTalkHttp>(),
            sp.GetRequiredService<IOptionsMonitor<DingTalkOptions>>(),
            sp.GetRequiredService<IOptionsMonitor<DingTalkClientOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DingTalkJsapiTickets(
            sp.GetRequiredService<AppTokenHttp>(),
            sp.GetRequiredService<IOptionsMonitor<DingTalkClientOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new IdentityClient(sp.GetRequiredService<AppTokenHttp>()));
        services.TryAddSingleton(sp => new WorkNotificationClient(
            sp.GetRequiredService<AppTokenHttp>(), sp.GetRequiredService<IOptionsMonitor<DingTalkClientOptions>>()));
        services.TryAddSingleton(sp => new TodoClient(sp.GetRequiredService<AppTokenHttp>()));
        services.TryAddSingleton(sp => new DepartmentClient(sp.GetRequiredService<AppTokenHttp>()));
        services.TryAddSingleton(sp => new UserClient(sp.GetRequiredService<AppTokenHttp>()));
        services.TryAddSingleton(sp => new DingClient(sp.GetRequiredService<AppTokenHttp>()));
        services.TryAddSingleton(sp => new CallbackClient(sp.GetRequiredService<AppTokenHttp>()));
        services.TryAddSingleton<DingTalkClient>();
        return services.AddHttpClient(DingTalkAccessTokens.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
    }
}
