using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Data;
using Portal.Web.Features.Admin;

namespace Portal.Web.Features.Integration.Admin;

/// <summary>Changes what a client's key may do, from its next request on; recorded with before and after.</summary>
public sealed class ChangeIntegrationScopes(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    /// <returns>Null when changed, else why not (a resource key of <c>IntegrationText</c>).</returns>
    public async Task<string?> ExecuteAsync(Actor actor, Guid clientId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        if (IntegrationScopes.Normalize(scopes) is not { Length: > 0 } normalized)
        {
            return "ScopeRequired";
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null || client.RevokedAt is not null)
        {
            return "ClientRevoked";
        }

        if (client.Scopes == normalized)
        {
            return null;
        }

        var before = client.Scopes;
        client.Scopes = normalized;
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow().UtcDateTime, actor.PersonId, actor.Name, "integration.client.scopes-changed", "integration " + client.Name, new { Scopes = before }, new { Scopes = normalized }));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
