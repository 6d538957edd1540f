using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Audiences;

/// <summary>
/// Keeps <see cref="RoleMember"/> equal to what the roles' rules say, as set-based queries. Everyone
/// active is an employee without a row; DingTalk's main and sub-admins may be mapped to Admin.
/// </summary>
public static class RoleMembership
{
    private static readonly (string Key, string Name)[] BuiltIn =
        [(Role.Employee, "员工"), (Role.Editor, "编辑"), (Role.Approver, "审核人"), (Role.Admin, "管理员")];

    public static async Task EnsureBuiltInRolesAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Key).ToListAsync(cancellationToken);
        foreach (var (key, name) in BuiltIn.Where(b => !existing.Contains(b.Key)))
        {
            db.Roles.Add(new Role(key, name, isBuiltIn: true));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recomputes every role, or only one person's memberships when <paramref name="personId"/> is given.</summary>
    public static async Task<int> RecomputeAsync(PortalDb db, bool mapDingTalkAdmins, Guid? personId, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.Include(r => r.Rules).Where(r => r.Key != Role.Employee).ToListAsync(cancellationToken);
        var changes = 0;
        foreach (var role in roles)
        {
            var wanted = Members(db, role, mapDingTalkAdmins);
            var current = db.RoleMembers.Where(m => m.RoleId == role.Id).Select(m => m.PersonId);
            if (personId is { } only)
            {
                wanted = wanted.Where(id => id == only);
                current = current.Where(id => id == only);
            }

            var wantedIds = (await wanted.ToListAsync(cancellationToken)).ToHashSet();
            var currentIds = (await current.ToListAsync(cancellationToken)).ToHashSet();
            var removed = currentIds.Except(wantedIds).ToList();
            if (removed.Count > 0)
            {
                var roleId = role.Id;
                changes += await db.RoleMembers.Where(m => m.RoleId == roleId && removed.Contains(m.PersonId)).ExecuteDeleteAsync(cancellationToken);
            }

            var added = wantedIds.Except(currentIds).Select(id => new RoleMember { RoleId = role.Id, PersonId = id }).ToList();
            db.RoleMembers.AddRange(added);
            changes += added.Count;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return changes;
    }

    /// <summary>Active people the role's rules include (exclusions win).</summary>
    public static IQueryable<Guid> Members(PortalDb db, Role role, bool mapDingTalkAdmins)
    {
        var included = PeopleMatching.Union(role.Rules.Where(r => !r.Exclude), rule => Matches(db, rule));

        if (role.Key == Role.Admin && mapDingTalkAdmins)
        {
            var admins = db.People.Where(p => p.AdminLevel > 0).Select(p => p.Id);
            included = included is null ? admins : included.Union(admins);
        }

        var active = db.People.Where(p => p.Active).Select(p => p.Id);
        if (included is null)
        {
            return active.Where(_ => false);
        }

        var members = active.Where(id => included.Contains(id));
        foreach (var rule in role.Rules.Where(r => r.Exclude))
        {
            var excluded = Matches(db, rule);
            members = members.Where(id => !excluded.Contains(id));
        }

        return members;
    }

    private static IQueryable<Guid> Matches(PortalDb db, RoleRule rule)
    {
        var value = rule.Value ?? "";
        switch (rule.Kind)
        {
            case RoleRuleKind.Person:
                return PeopleMatching.Person(db, rule.PersonId);
            case RoleRuleKind.Title:
                return db.People.Where(p => p.Title == value).Select(p => p.Id);
            case RoleRuleKind.DingTalkRole:
                var marker = "|" + value + "|";
                return db.People.Where(p => p.DingTalkRoles.Contains(marker)).Select(p => p.Id);
            default:
                return PeopleMatching.InDepartment(db, rule.DepartmentId, rule.IncludeSubdepartments);
        }
    }
}
