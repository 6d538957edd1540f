using Microsoft.Extensions.Options;
using Portal.DingTalk.Client;
using Portal.Web.Infrastructure.Configuration;

namespace Portal.Web.Infrastructure.DingTalk;

public static class DingTalkSetup
{
    public static IServiceCollection AddPortalDingTalk(this IServiceCollection services)
    {
        services.AddOptions<DingTalkClientOptions>().BindConfiguration(DingTalkClientOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DingTalkClientOptions>, DingTalkClientOptionsValidator>();
        services.AddDingTalkClient();
        return services;
    }
}
