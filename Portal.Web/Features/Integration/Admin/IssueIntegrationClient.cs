using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Integration.Keys;

namespace Portal.Web.Features.Integration.Admin;

/// <summary>A new client and its key, or why not (a resource key of <c>IntegrationText</c>).</summary>
public sealed record IssuedClient(Guid? Id, string? Key, string? Problem);

/// <summary>
/// Registers an OA/ERP/HR system and issues its key. Only the key's hash is stored; the key is
/// returned this once for the admin to copy and never appears in the audit log.
/// </summary>
public sealed class IssueIntegrationClient(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public async Task<IssuedClient> ExecuteAsync(Actor actor, string? name, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength)
        {
            return new IssuedClient(null, null, "NameRequired");
        }

        if (IntegrationScopes.Normalize(scopes) is not { Length: > 0 } normalized)
        {
            return new IssuedClient(null, null, "ScopeRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.IntegrationClients.AnyAsync(c => c.Name == trimmed, cancellationToken))
        {
            return new IssuedClient(null, null, "NameTaken");
        }

        var key = IntegrationKeys.Generate();
        var now = time.GetUtcNow().UtcDateTime;
        var client = new IntegrationClient { Name = trimmed, KeyHash = IntegrationClient.Hash(key), KeyPrefix = IntegrationKeys.ShownPrefix(key), Scopes = normalized, CreatedAt = now };
        db.IntegrationClients.Add(client);
        db.AuditEntries.Add(AuditEntry.Create(now, actor.PersonId, actor.Name, "integration.client.issued", "integration " + trimmed, null, new { client.Name, client.KeyPrefix, client.Scopes }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin took the name a moment earlier.
            return new IssuedClient(null, null, "NameTaken");
        }

        return new IssuedClient(client.Id, key, null);
    }
}
