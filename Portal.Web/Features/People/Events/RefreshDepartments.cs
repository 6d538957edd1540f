using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.Domain.Data;
using PortalDepartment = Portal.Domain.People.Department;

namespace Portal.Web.Features.People.Events;

/// <summary>What DingTalk says of one department now; null when it no longer has it.</summary>
public sealed record DepartmentRead(long Id, Department? Current);

/// <summary>
/// Brings departments in line with DingTalk in two steps: <see cref="ReadAsync"/> asks DingTalk (with
/// any parent the portal does not know yet, so the tree has no holes), <see cref="WriteAsync"/> creates,
/// renames or moves each one (never delete and re-create), or removes it when DingTalk no longer has it.
/// </summary>
public sealed class RefreshDepartments(DepartmentClient departments, TimeProvider time, ILogger<RefreshDepartments> logger)
{
    private const int MaxDepth = 32;

    /// <returns>Parents before children.</returns>
    public async Task<IReadOnlyList<DepartmentRead>> ReadAsync(PortalDb db, IEnumerable<long> ids, bool onlyUnknown, CancellationToken cancellationToken)
    {
        var reads = new List<DepartmentRead>();
        foreach (var id in ids.Distinct())
        {
            if (!onlyUnknown || !await IsKnownAsync(db, reads, id, cancellationToken))
            {
                await ReadWithParentsAsync(db, id, reads, depth: 0, cancellationToken);
            }
        }

        return reads;
    }

    public async Task WriteAsync(PortalDb db, IReadOnlyList<DepartmentRead> reads, CancellationToken cancellationToken)
    {
        foreach (var (id, current) in reads)
        {
            if (current is null)
            {
                await DepartmentTree.RemoveAsync(db, id, cancellationToken);
            }
            else
            {
                await PlaceAsync(db, id, current, cancellationToken);
            }
        }
    }

    private async Task ReadWithParentsAsync(PortalDb db, long id, List<DepartmentRead> reads, int depth, CancellationToken cancellationToken)
    {
        Department? current;
        try
        {
            current = await departments.GetAsync(id, "zh_CN", cancellationToken);
        }
        catch (DingTalkException exception) when (exception.Kind == DingTalkErrorKind.BadRequest)
        {
            // 60003: DingTalk no longer has it.
            current = null;
        }

        if (ParentOf(current) is { } parent && depth < MaxDepth && !await IsKnownAsync(db, reads, parent, cancellationToken))
        {
            await ReadWithParentsAsync(db, parent, reads, depth + 1, cancellationToken);
        }

        reads.RemoveAll(r => r.Id == id);
        reads.Add(new DepartmentRead(id, current));
    }

    private static async Task<bool> IsKnownAsync(PortalDb db, List<DepartmentRead> reads, long id, CancellationToken cancellationToken) =>
        reads.Any(r => r.Id == id) || await db.Departments.AnyAsync(d => d.Id == id, cancellationToken);

    private static long? ParentOf(Department? department) =>
        department is null || department.DeptId == DepartmentClient.RootDeptId ? null : department.ParentId;

    private async Task PlaceAsync(PortalDb db, long id, Department current, CancellationToken cancellationToken)
    {
        var parentId = ParentOf(current);
        var row = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var moved = row is null || row.ParentId != parentId;
        if (moved && parentId is { } target && await DepartmentTree.IsWithinAsync(db, target, id, cancellationToken))
        {
            logger.LogWarning("Department {DepartmentId} not moved: its new parent {ParentId} lies below it", id, target);
            return;
        }

        if (row is null)
        {
            row = new PortalDepartment(id, current.Name, parentId);
            db.Departments.Add(row);
        }

        row.Update(current.Name, parentId, (int)Math.Clamp(current.Order ?? 0, int.MinValue, int.MaxValue), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        if (moved)
        {
            await DepartmentTree.PlaceAsync(db, id, parentId, cancellationToken);
        }
    }
}
