using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.SignIn;

public sealed record MeDepartment(long Id, string? Name, bool IsLeader);

public sealed record Me(string UserId, string? UnionId, string Name, IReadOnlyList<MeDepartment> Departments, IReadOnlyList<string> Roles);

/// <summary><c>GET /api/me</c>: who the session belongs to.</summary>
public static class MeEndpoint
{
    public static async Task<IResult> HandleAsync(ClaimsPrincipal user, IDbContextFactory<PortalDb> dbFactory, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId)
        {
            return Problems.Unauthorized("not-signed-in", "Sign in first");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && p.Active)
            .Select(p => new { p.UserId, p.UnionId, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Problems.Unauthorized("not-signed-in", "Sign in first");
        }

        var departments = await (
            from membership in db.PersonDepartments.AsNoTracking()
            where membership.PersonId == personId
            join department in db.Departments on membership.DepartmentId equals department.Id into named
            from department in named.DefaultIfEmpty()
            orderby membership.DepartmentId
            select new MeDepartment(membership.DepartmentId, department == null ? null : department.Name, membership.IsLeader)).ToListAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking()
            .Where(r => r.Key == Role.Employee || db.RoleMembers.Any(m => m.RoleId == r.Id && m.PersonId == personId))
            .OrderBy(r => r.Key).Select(r => r.Key).ToListAsync(cancellationToken);
        return Results.Ok(new Me(person.UserId, person.UnionId, person.Name, departments, roles));
    }
}
