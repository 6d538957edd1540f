using System.Linq.Expressions;
using Portal.Domain.Data;

namespace Portal.Domain.Audiences;

/// <summary>
/// The one visibility rule, as SQL: used by every user-facing query and endpoint, and inlined into the
/// precompiled ones. The rules naming the person are found through their indexes once per query (the
/// person, their roles, departments and the ancestors of those: a few rows), so each item then costs a
/// set lookup and, for "everyone", its audience row. The person's departments and roles are read in the
/// same statement rather than passed in as lists, which would have EF Core write the SQL on every run.
/// </summary>
public static class AudienceFilter
{
    /// <summary>
    /// Whether the rule names the person. Each kind of rule is one index search: a CASE, or a "not
    /// null" test on the column, would read every rule of that kind.
    /// </summary>
    private static readonly Expression<Func<PortalDb, Guid, AudienceRule, bool>> Names = (db, personId, r) =>
        (r.Kind == AudienceRuleKind.Person && r.PersonId == personId)
        || (r.Kind == AudienceRuleKind.Role && db.RoleMembers.Where(m => m.PersonId == personId).Select(m => m.RoleId)
            // Every active person is an employee; that role has no rows of its own.
            .Concat(db.Roles.Where(role => role.Key == Role.Employee).Select(role => role.Id)).Contains(r.RoleId!.Value))
        || (r.Kind == AudienceRuleKind.Department && r.IncludeSubdepartments && db.PersonDepartments.Where(d => d.PersonId == personId)
            .Join(db.DepartmentClosures, d => d.DepartmentId, c => c.DescendantId, (_, c) => c.AncestorId).Contains(r.DepartmentId!.Value))
        || (r.Kind == AudienceRuleKind.Department && !r.IncludeSubdepartments
            && db.PersonDepartments.Where(d => d.PersonId == personId).Select(d => d.DepartmentId).Contains(r.DepartmentId!.Value));

    /// <summary>Whether the audience includes the person (an exclusion always wins).</summary>
    public static readonly Expression<Func<PortalDb, Guid, Guid, bool>> Includes = Inline.Expand((PortalDb db, Guid personId, Guid audienceId) =>
        (db.AudienceRules.Where(r => !r.Exclude && Names.Invoke(db, personId, r)).Select(r => r.AudienceId).Contains(audienceId)
            || db.Audiences.Any(a => a.Id == audienceId && a.Everyone))
        && !db.AudienceRules.Where(r => r.Exclude && Names.Invoke(db, personId, r)).Select(r => r.AudienceId).Contains(audienceId));

    /// <summary>Audiences that include the viewer.</summary>
    public static IQueryable<Audience> Including(this IQueryable<Audience> audiences, PortalDb db, Viewer viewer)
    {
        var personId = viewer.PersonId;
        return audiences.Where(Inline.Expand((Audience a) => Includes.Invoke(db, personId, a.Id)));
    }

    /// <summary>Only the items whose audience includes the viewer.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, PortalDb db, Viewer viewer)
        where T : class, IAudienceTargeted
    {
        var personId = viewer.PersonId;
        return items.Where(Inline.Expand((T item) => Includes.Invoke(db, personId, item.AudienceId)));
    }
}
