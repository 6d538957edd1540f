namespace Portal.Web.Features.People.Import;

public static class ImportSetup
{
    public static IServiceCollection AddOrgImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
        services.AddSingleton<ImportSignal>();
        services.AddScoped<OrgImport>();
        services.AddScoped<ApplyOrgImport>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
