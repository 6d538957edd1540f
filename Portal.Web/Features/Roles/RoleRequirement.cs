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

/// <summary>
/// Scoped, and keeps each answer as long as <see cref="CurrentViewer"/> keeps the viewer: a prerendered
/// page is authorized twice (by its endpoint and by its route view), and a circuit on every navigation.
/// </summary>
internal sealed class RoleRequirementHandler(IDbContextFactory<PortalDb> dbFactory, TimeProvider time) : AuthorizationHandler<RoleRequirement>
{
    private readonly Dictionary<(Guid PersonId, string Role), (Task<bool> Holds, DateTimeOffset CheckedAt)> checks = [];

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (context.User.PersonId() is { } personId && await HoldsAsync(personId, requirement.Role))
        {
            context.Succeed(requirement);
        }
    }

    private Task<bool> HoldsAsync(Guid personId, string role)
    {
        var now = time.GetUtcNow();
        lock (checks)
        {
            if (!checks.TryGetValue((personId, role), out var check) || now - check.CheckedAt > CurrentViewer.KeepFor || check.Holds.IsFaulted)
            {
                check = (QueryAsync(personId, role), now);
                checks[(personId, role)] = check;
            }

            return check.Holds;
        }
    }

    private async Task<bool> QueryAsync(Guid personId, string role)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.People.AnyAsync(p => p.Id == personId && p.Active
            && (role == Role.Employee || db.RoleMembers.Any(m => m.PersonId == p.Id && db.Roles.Any(r => r.Id == m.RoleId && r.Key == role))));
    }
}
