using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Audiences;

public static class ViewerQuery
{
    /// <summary>The viewer for a person, or null when they are unknown or no longer active.</summary>
    public static async Task<Viewer?> ForPersonAsync(PortalDb db, Guid personId, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().AnyAsync(p => p.Id == personId && p.Active, cancellationToken) ? new Viewer(personId) : null;
}
