namespace Portal.Web.Features.Content.Scheduling;

public static class SchedulerSetup
{
    public static IServiceCollection AddContentScheduler(this IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName)
            .Validate(o => o.PollSeconds > 0, "Content:Scheduler:PollSeconds must be positive.")
            .ValidateOnStart();
        services.AddScoped<ExpireArticles>();
        services.AddScoped<ContentSchedule>();
        services.AddHostedService<ContentScheduler>();
        return services;
    }
}
