using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Audiences;

public static class ViewerQuery
{
    /// <summary>Builds the viewer for a person: departments, their ancestors and effective roles.</summary>
    public static async Task<Viewer?> ForPersonAsync(PortalDb db, Guid personId, CancellationToken cancellationToken)
    {
        var active = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => (bool?)p.Active).SingleOrDefaultAsync(cancellationToken);
        if (active != true)
        {
            return null;
        }

        var departments = await db.PersonDepartments.AsNoTracking()
            .Where(d => d.PersonId == personId).Select(d => d.DepartmentId).ToListAsync(cancellationToken);
        var ancestors = await db.DepartmentClosures.AsNoTracking()
            .Where(c => departments.Contains(c.DescendantId)).Select(c => c.AncestorId).Distinct().ToListAsync(cancellationToken);
        // Every active person is an employee; that role has no rows of its own.
        var roles = await db.Roles.AsNoTracking()
            .Where(r => r.Key == Role.Employee || db.RoleMembers.Any(m => m.RoleId == r.Id && m.PersonId == personId))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        return new Viewer(personId, departments, ancestors, roles);
    }
}
