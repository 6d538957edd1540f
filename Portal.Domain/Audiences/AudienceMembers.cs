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

    /// <summary>
    /// One query part per rule kind, each over the list of that kind's ids, so an audience of a thousand
    /// named people stays one small query (SQLite refuses a compound of more than 500 parts).
    /// </summary>
    private static IQueryable<Guid>? Union(PortalDb db, IEnumerable<AudienceRule> rules)
    {
        var list = rules.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var personIds = Ids(list, AudienceRuleKind.Person, r => r.PersonId);
        var roleIds = Ids(list, AudienceRuleKind.Role, r => r.RoleId);
        var flat = Ids(list.Where(r => !r.IncludeSubdepartments), AudienceRuleKind.Department, r => r.DepartmentId);
        var deep = Ids(list.Where(r => r.IncludeSubdepartments), AudienceRuleKind.Department, r => r.DepartmentId);
        var parts = new List<IQueryable<Guid>>();
        if (personIds.Count > 0)
        {
            parts.Add(db.People.Where(p => personIds.Contains(p.Id)).Select(p => p.Id));
        }

        if (roleIds.Count > 0)
        {
            var everyoneIsEmployee = db.People.Where(p => db.Roles.Any(r => roleIds.Contains(r.Id) && r.Key == Role.Employee)).Select(p => p.Id);
            parts.Add(db.RoleMembers.Where(m => roleIds.Contains(m.RoleId)).Select(m => m.PersonId).Union(everyoneIsEmployee));
        }

        if (flat.Count > 0)
        {
            parts.Add(db.PersonDepartments.Where(d => flat.Contains(d.DepartmentId)).Select(d => d.PersonId));
        }

        if (deep.Count > 0)
        {
            var subtree = db.DepartmentClosures.Where(c => deep.Contains(c.AncestorId)).Select(c => c.DescendantId);
            parts.Add(db.PersonDepartments.Where(d => subtree.Contains(d.DepartmentId)).Select(d => d.PersonId));
        }

        return parts.Count == 0 ? db.People.Where(p => false).Select(p => p.Id) : parts.Aggregate((all, part) => all.Union(part));
    }

    private static List<T> Ids<T>(IEnumerable<AudienceRule> rules, AudienceRuleKind kind, Func<AudienceRule, T?> id)
        where T : struct =>
        [.. rules.Where(r => r.Kind == kind).Select(id).OfType<T>().Distinct()];
}
