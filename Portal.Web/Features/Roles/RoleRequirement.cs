using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Roles;

/// <summary>Met when the signed-in, active person holds one of the roles (employee: any active person).</summary>
public sealed class RoleRequirement(string role) : IAuthorizationRequirement
{
    public string Role { get; } = role;
}

internal sealed class RoleRequirementHandler(IDbContextFactory<PortalDb> dbFactory) : AuthorizationHandler<RoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (context.User.PersonId() is not { } personId)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var role = requirement.Role;
        var holds = await db.People.AnyAsync(p => p.Id == personId && p.Active
            && (role == Role.Employee || db.RoleMembers.Any(m => m.PersonId == p.Id && db.Roles.Any(r => r.Id == m.RoleId && r.Key == role))));
        if (holds)
        {
            context.Succeed(requirement);
        }
    }
}
