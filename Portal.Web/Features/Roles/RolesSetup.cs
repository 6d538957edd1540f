using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Roles;

public static class RolesSetup
{
    public static IServiceCollection AddPortalRoles(this IServiceCollection services)
    {
        services.AddOptions<RolesOptions>().BindConfiguration(RolesOptions.SectionName);
        services.AddScoped<IAuthorizationHandler, RoleRequirementHandler>();
        services.Configure<AuthorizationOptions>(Policies.Add);
        return services;
    }

    public static async Task SeedBuiltInRolesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        await RoleMembership.EnsureBuiltInRolesAsync(db, cancellationToken);
    }
}
