using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Data;
using Portal.Web.Features.Admin;

namespace Portal.Web.Features.Integration.Admin;

/// <summary>Revokes a client's key for good: its next request is refused. Items it created stay.</summary>
public sealed class RevokeIntegrationClient(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    /// <returns>Whether this call revoked it (false when it was already revoked or is unknown).</returns>
    public async Task<bool> ExecuteAsync(Actor actor, Guid clientId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Id == clientId && c.RevokedAt == null, cancellationToken);
        if (client is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        client.RevokedAt = now;
        db.AuditEntries.Add(AuditEntry.Create(now, actor.PersonId, actor.Name, "integration.client.revoked", "integration " + client.Name, new { client.KeyPrefix, client.Scopes }, null));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
