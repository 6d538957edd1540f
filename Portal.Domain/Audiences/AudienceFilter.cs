using System.Linq.Expressions;
using Portal.Domain.Data;

namespace Portal.Domain.Audiences;

/// <summary>The one visibility rule, as SQL: used by every user-facing query and endpoint.</summary>
public static class AudienceFilter
{
    /// <summary>Audiences that include the viewer (an exclusion always wins).</summary>
    public static IQueryable<Audience> Including(this IQueryable<Audience> audiences, Viewer viewer)
    {
        var personId = viewer.PersonId;
        var departments = viewer.DepartmentIds.ToList();
        var ancestors = viewer.DepartmentAndAncestorIds.ToList();
        var roles = viewer.RoleIds.ToList();
        Expression<Func<AudienceRule, bool>> matches = r =>
            (r.Kind == AudienceRuleKind.Person && r.PersonId == personId)
            || (r.Kind == AudienceRuleKind.Role && r.RoleId != null && roles.Contains(r.RoleId.Value))
            || (r.Kind == AudienceRuleKind.Department && r.DepartmentId != null
                && (r.IncludeSubdepartments ? ancestors.Contains(r.DepartmentId.Value) : departments.Contains(r.DepartmentId.Value)));

        var included = audiences.Where(a => a.Everyone || a.Rules.AsQueryable().Where(r => !r.Exclude).Any(matches));
        return included.Where(a => !a.Rules.AsQueryable().Where(r => r.Exclude).Any(matches));
    }

    /// <summary>Only the items whose audience includes the viewer.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, PortalDb db, Viewer viewer)
        where T : class, IAudienceTargeted
    {
        var visible = db.Audiences.Including(viewer).Select(a => a.Id);
        return items.Where(i => visible.Contains(i.AudienceId));
    }
}
