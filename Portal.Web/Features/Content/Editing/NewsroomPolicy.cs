using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Content.Editing;

/// <summary>
/// The editor pages serve editors, approvers (the review queue) and admins; what each may do there is
/// decided again per action by <see cref="EditorialAccess"/>.
/// </summary>
public static class NewsroomPolicy
{
    public const string Name = "newsroom";

    public static readonly string[] Roles = [Role.Editor, Role.Approver, Role.Admin];

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new AnyRoleRequirement(Roles)));
}

/// <summary>Met when the signed-in, active person holds at least one of the roles.</summary>
public sealed class AnyRoleRequirement(IReadOnlyList<string> roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

internal sealed class AnyRoleRequirementHandler(IDbContextFactory<PortalDb> dbFactory) : AuthorizationHandler<AnyRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AnyRoleRequirement requirement)
    {
        if (context.User.PersonId() is not { } personId)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var roles = requirement.Roles.ToList();
        var holds = await db.People.AnyAsync(p => p.Id == personId && p.Active
            && db.RoleMembers.Any(m => m.PersonId == p.Id && db.Roles.Any(r => r.Id == m.RoleId && roles.Contains(r.Key))));
        if (holds)
        {
            context.Succeed(requirement);
        }
    }
}
