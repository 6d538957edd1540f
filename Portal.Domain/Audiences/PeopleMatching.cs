using Portal.Domain.Data;

namespace Portal.Domain.Audiences;

/// <summary>The person sets that audience rules and role rules have in common, as queries of ids.</summary>
internal static class PeopleMatching
{
    public static IQueryable<Guid> Person(PortalDb db, Guid? personId)
    {
        var id = personId ?? Guid.Empty;
        return db.People.Where(p => p.Id == id).Select(p => p.Id);
    }

    /// <summary>Members of a department, and of its sub-departments when asked (through the closure table).</summary>
    public static IQueryable<Guid> InDepartment(PortalDb db, long? departmentId, bool includeSubdepartments)
    {
        var id = departmentId ?? -1;
        if (!includeSubdepartments)
        {
            return db.PersonDepartments.Where(d => d.DepartmentId == id).Select(d => d.PersonId);
        }

        var subtree = db.DepartmentClosures.Where(c => c.AncestorId == id).Select(c => c.DescendantId);
        return db.PersonDepartments.Where(d => subtree.Contains(d.DepartmentId)).Select(d => d.PersonId);
    }

    /// <summary>Unions of the given rules' matches; null when there are none.</summary>
    public static IQueryable<Guid>? Union<TRule>(IEnumerable<TRule> rules, Func<TRule, IQueryable<Guid>> matches)
    {
        IQueryable<Guid>? result = null;
        foreach (var rule in rules)
        {
            var ids = matches(rule);
            result = result is null ? ids : result.Union(ids);
        }

        return result;
    }
}
