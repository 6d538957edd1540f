using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Data;
using Portal.Web.Features.Admin;

namespace Portal.Web.Features.Integration.Admin;

/// <summary>Disables a client (its key is refused until enabled again) or enables it; unlike revoking, reversible.</summary>
public sealed class SetIntegrationClientEnabled(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    /// <returns>Whether the state changed.</returns>
    public async Task<bool> ExecuteAsync(Actor actor, Guid clientId, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Id == clientId && c.RevokedAt == null, cancellationToken);
        if (client is null || client.Enabled == enabled)
        {
            return false;
        }

        client.Enabled = enabled;
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow().UtcDateTime, actor.PersonId, actor.Name, enabled ? "integration.client.enabled" : "integration.client.disabled", "integration " + client.Name, new { Enabled = !enabled }, new { Enabled = enabled }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
