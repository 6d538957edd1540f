using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Features.Roles;

namespace Portal.Tests.Infrastructure;

public static class TestRoles
{
    /// <summary>Gives a signed-in person a built-in role the way an admin would: a person rule, then recompute.</summary>
    public static async Task GrantAsync(IServiceProvider services, string userId, string roleKey)
    {
        if (roleKey == Role.Employee)
        {
            return;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var personId = await db.People.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
        var roleId = await db.Roles.Where(r => r.Key == roleKey).Select(r => r.Id).SingleAsync();
        db.RoleRules.Add(new RoleRule { RoleId = roleId, Kind = RoleRuleKind.Person, PersonId = personId });
        await db.SaveChangesAsync();
        var mapAdmins = services.GetRequiredService<IOptions<RolesOptions>>().Value.MapDingTalkAdmins;
        await RoleMembership.RecomputeAsync(db, mapAdmins, personId, CancellationToken.None);
    }
}
