using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Simulator;
using Portal.Web.Infrastructure.Data;
using Portal.Web.Infrastructure.Logging;

namespace Portal.Web.Infrastructure.Configuration;

public static class OptionsSetup
{
    public static IServiceCollection AddPortalOptions(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddOptions<DingTalkOptions>().BindConfiguration(DingTalkOptions.SectionName).ValidateOnStart();
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateOnStart();
        services.AddOptions<LogFileOptions>().BindConfiguration(LogFileOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddSingleton<IValidateOptions<DingTalkOptions>, DingTalkOptionsValidator>();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
