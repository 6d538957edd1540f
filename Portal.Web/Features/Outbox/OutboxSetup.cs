namespace Portal.Web.Features.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddPortalOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName)
            .Validate(o => o.BatchSize > 0 && o.Concurrency > 0 && o.LeaseSeconds > 0 && o.MaxAttempts > 0 && o.BaseDelaySeconds > 0 && o.MaxDelaySeconds >= o.BaseDelaySeconds && o.PollSeconds > 0,
                "Outbox:BatchSize, Concurrency, LeaseSeconds, MaxAttempts, BaseDelaySeconds, PollSeconds must be positive and MaxDelaySeconds at least BaseDelaySeconds.")
            .ValidateOnStart();
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
