using System.Linq.Expressions;
using Portal.Domain.Data;

namespace Portal.Domain.Audiences;

/// <summary>The one visibility rule, as SQL: used by every user-facing query and endpoint.</summary>
public static class AudienceFilter
{
    /// <summary>Audiences that include the viewer (an exclusion always wins).</summary>
    public static IQueryable<Audience> Including(this IQueryable<Audience> audiences, Viewer viewer) =>
        audiences.Where(IncludesViewer(viewer));

    /// <summary>Only the items whose audience includes the viewer.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, PortalDb db, Viewer viewer)
        where T : class, IAudienceTargeted =>
        items.VisibleTo(db.Audiences, viewer);

    /// <summary>
    /// A correlated EXISTS per item rather than a list of visible audiences: a feed ordered by date then
    /// stops after its page instead of first deciding every audience there is.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, IQueryable<Audience> audiences, Viewer viewer)
        where T : class, IAudienceTargeted
    {
        var visible = audiences.Where(IncludesViewer(viewer));
        return items.Where(i => visible.Any(a => a.Id == i.AudienceId));
    }

    public static Expression<Func<Audience, bool>> IncludesViewer(Viewer viewer)
    {
        var matches = MatchesViewer(viewer);
        return a => (a.Everyone || a.Rules.AsQueryable().Where(r => !r.Exclude).Any(matches))
            && !a.Rules.AsQueryable().Where(r => r.Exclude).Any(matches);
    }

    private static Expression<Func<AudienceRule, bool>> MatchesViewer(Viewer viewer)
    {
        var personId = viewer.PersonId;
        var departments = viewer.DepartmentIds.ToList();
        var ancestors = viewer.DepartmentAndAncestorIds.ToList();
        var roles = viewer.RoleIds.ToList();
        return r =>
            (r.Kind == AudienceRuleKind.Person && r.PersonId == personId)
            || (r.Kind == AudienceRuleKind.Role && r.RoleId != null && roles.Contains(r.RoleId.Value))
            || (r.Kind == AudienceRuleKind.Department && r.DepartmentId != null
                && (r.IncludeSubdepartments ? ancestors.Contains(r.DepartmentId.Value) : departments.Contains(r.DepartmentId.Value)));
    }
}
