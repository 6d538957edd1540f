using Portal.DingTalk.Client;

namespace Portal.Web.Infrastructure.DingTalk;

public static class DingTalkSetup
{
    public static IServiceCollection AddPortalDingTalk(this IServiceCollection services)
    {
        services.AddHttpClient(DingTalkAccessTokens.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<DingTalkAccessTokens>();
        return services;
    }
}
