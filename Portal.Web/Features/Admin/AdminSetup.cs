namespace Portal.Web.Features.Admin;

public static class AdminSetup
{
    public static IServiceCollection AddPortalAdmin(this IServiceCollection services)
    {
        services.AddScoped<RequestImport>();
        services.AddScoped<ChangeRoleRules>();
        return services;
    }
}
