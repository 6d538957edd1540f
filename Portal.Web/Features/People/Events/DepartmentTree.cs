using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Web.Features.People.Events;

/// <summary>
/// Keeps <see cref="DepartmentClosure"/> right when one department is added, moved or removed, by
/// touching only the rows of its subtree instead of rebuilding the whole tree.
/// </summary>
internal static class DepartmentTree
{
    /// <summary>Puts the department (and everything below it) under <paramref name="parentId"/>; a new one gets its own row first.</summary>
    public static async Task PlaceAsync(PortalDb db, long departmentId, long? parentId, CancellationToken cancellationToken)
    {
        if (!await db.DepartmentClosures.AnyAsync(c => c.AncestorId == departmentId && c.DescendantId == departmentId, cancellationToken))
        {
            db.DepartmentClosures.Add(new DepartmentClosure { AncestorId = departmentId, DescendantId = departmentId, Distance = 0 });
            await db.SaveChangesAsync(cancellationToken);
        }

        var subtree = await db.DepartmentClosures.AsNoTracking().Where(c => c.AncestorId == departmentId)
            .Select(c => new { c.DescendantId, c.Distance }).ToListAsync(cancellationToken);
        var inside = subtree.Select(s => s.DescendantId).ToList();
        await db.DepartmentClosures.Where(c => inside.Contains(c.DescendantId) && !inside.Contains(c.AncestorId)).ExecuteDeleteAsync(cancellationToken);
        if (parentId is not { } parent)
        {
            return;
        }

        var ancestors = await db.DepartmentClosures.AsNoTracking().Where(c => c.DescendantId == parent)
            .Select(c => new { c.AncestorId, c.Distance }).ToListAsync(cancellationToken);
        foreach (var ancestor in ancestors)
        {
            foreach (var below in subtree)
            {
                db.DepartmentClosures.Add(new DepartmentClosure { AncestorId = ancestor.AncestorId, DescendantId = below.DescendantId, Distance = ancestor.Distance + below.Distance + 1 });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>Whether <paramref name="candidate"/> is the department itself or below it (a move there would make a cycle).</returns>
    public static Task<bool> IsWithinAsync(PortalDb db, long candidate, long departmentId, CancellationToken cancellationToken) =>
        db.DepartmentClosures.AnyAsync(c => c.AncestorId == departmentId && c.DescendantId == candidate, cancellationToken);

    /// <summary>Removes the department, its place in the tree and its memberships. What sat below it keeps its own rows.</summary>
    public static async Task RemoveAsync(PortalDb db, long departmentId, CancellationToken cancellationToken)
    {
        await db.DepartmentClosures.Where(c => c.AncestorId == departmentId || c.DescendantId == departmentId).ExecuteDeleteAsync(cancellationToken);
        await db.PersonDepartments.Where(m => m.DepartmentId == departmentId).ExecuteDeleteAsync(cancellationToken);
        await db.Departments.Where(d => d.Id == departmentId).ExecuteDeleteAsync(cancellationToken);
    }
}
