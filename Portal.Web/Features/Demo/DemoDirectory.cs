using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Web.Features.Demo;

/// <summary>Whether the demo organisation is in the directory: imported in full, and no import under way.</summary>
public static class DemoDirectory
{
    public static async Task<bool> IsImportedAsync(PortalDb db, CancellationToken cancellationToken) =>
        await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Succeeded, cancellationToken)
        && !await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running, cancellationToken);
}
