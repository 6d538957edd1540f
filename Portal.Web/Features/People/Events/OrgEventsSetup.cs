namespace Portal.Web.Features.People.Events;

public static class OrgEventsSetup
{
    /// <summary>Org events (people joining, changing, leaving; departments created, changed, removed) update the directory.</summary>
    public static IServiceCollection AddOrgEvents(this IServiceCollection services)
    {
        services.AddSingleton<OrgEventSignal>();
        services.AddScoped<RefreshDepartments>();
        services.AddScoped<RefreshPeople>();
        services.AddScoped<ApplyOrgEvents>();
        services.AddHostedService<OrgEventWorker>();
        return services;
    }
}
