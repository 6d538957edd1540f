using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Web.Features.People.Import;

namespace Portal.Web.Features.Admin;

/// <summary>An admin asks for a full import; the request is audited and the worker starts at once.</summary>
public sealed class RequestImport(OrgImport import, IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public async Task<ImportRun> ExecuteAsync(Actor actor, CancellationToken cancellationToken)
    {
        var run = await import.RequestAsync(actor.Name, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow().UtcDateTime, actor.PersonId, actor.Name, "import.requested", $"import {run.Id}", null, new { run.Id }));
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }
}
