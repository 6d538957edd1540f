using Portal.Web.Features.Roles;

namespace Portal.Web.Features.Demo;

public static class DemoSetup
{
    /// <summary>
    /// What a first <c>dotnet run</c> starts with once the demo organisation is imported: editors and
    /// approvers, news and notices, and approval requests from the demo OA system.
    /// </summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddOptions<DemoRolesOptions>().BindConfiguration(DemoRolesOptions.SectionName);
        services.AddScoped<DemoRoles>();
        services.AddScoped<DemoTodos>();
        services.AddHostedService<DemoWorker>();
        return services;
    }
}
