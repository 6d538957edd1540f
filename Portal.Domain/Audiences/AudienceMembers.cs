using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Domain.Audiences;

/// <summary>Reach of an audience: how many people, in how many departments.</summary>
public sealed record AudienceReach(int People, int Departments);

/// <summary>
/// Who is in an audience, as one set-based query (unions of rule matches minus exclusions), so a
/// department subtree of a large organisation resolves without loading the tree.
/// </summary>
public static class AudienceMembers
{
    public static IQueryable<Person> Resolve(PortalDb db, bool everyone, IReadOnlyCollection<AudienceRule> rules)
    {
        var active = db.People.Where(p => p.Active);
        var included = everyone ? null : Union(db, rules.Where(r => !r.Exclude));
        if (!everyone && included is null)
        {
            // Not everyone and nobody named: nobody, as AudienceFilter.VisibleTo says.
            return active.Where(p => false);
        }

        var excluded = Union(db, rules.Where(r => r.Exclude));
        var members = included is null ? active : active.Where(p => included.Contains(p.Id));
        return excluded is null ? members : members.Where(p => !excluded.Contains(p.Id));
    }

    public static IQueryable<Person> Resolve(PortalDb db, Audience audience) => Resolve(db, audience.Everyone, audience.Rules);

    public static async Task<AudienceReach> ReachAsync(PortalDb db, bool everyone, IReadOnlyCollection<AudienceRule> rules, CancellationToken cancellationToken)
    {
        var members = Resolve(db, everyone, rules).Select(p => p.Id);
        var people = await members.CountAsync(cancellationToken);
        var departments = await db.PersonDepartments.Where(d => members.Contains(d.PersonId)).Select(d => d.DepartmentId).Distinct().CountAsync(cancellationToken);
        return new AudienceReach(people, departments);
    }

    private static IQueryable<Guid>? Union(PortalDb db, IEnumerable<AudienceRule> rules) =>
        PeopleMatching.Union(rules, rule => Matches(db, rule));

    private static IQueryable<Guid> Matches(PortalDb db, AudienceRule rule)
    {
        switch (rule.Kind)
        {
            case AudienceRuleKind.Person:
                return PeopleMatching.Person(db, rule.PersonId);
            case AudienceRuleKind.Role:
                var roleId = rule.RoleId ?? Guid.Empty;
                var everyoneIsEmployee = db.People.Where(p => db.Roles.Any(r => r.Id == roleId && r.Key == Role.Employee)).Select(p => p.Id);
                return db.RoleMembers.Where(m => m.RoleId == roleId).Select(m => m.PersonId).Union(everyoneIsEmployee);
            default:
                return PeopleMatching.InDepartment(db, rule.DepartmentId, rule.IncludeSubdepartments);
        }
    }
}
