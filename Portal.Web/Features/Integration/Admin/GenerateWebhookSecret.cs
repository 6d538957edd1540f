using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Data;
using Portal.Web.Features.Admin;

namespace Portal.Web.Features.Integration.Admin;

/// <summary>
/// A new webhook signing secret for a client, replacing the old one at once. It is returned once, for
/// the admin to hand to the receiving system; the audit records that it changed, never the secret.
/// </summary>
public sealed class GenerateWebhookSecret(IDbContextFactory<PortalDb> dbFactory, WebhookSecrets secrets, TimeProvider time)
{
    /// <returns>The secret in clear, or null when the client is unknown or revoked.</returns>
    public async Task<string?> ExecuteAsync(Actor actor, Guid clientId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Id == clientId && c.RevokedAt == null, cancellationToken);
        if (client is null)
        {
            return null;
        }

        var secret = WebhookSecrets.Generate();
        var replaced = client.ProtectedWebhookSecret is not null;
        client.ProtectedWebhookSecret = secrets.Protect(secret);
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow().UtcDateTime, actor.PersonId, actor.Name, "integration.client.webhook-secret-generated", "integration " + client.Name, new { HadSecret = replaced }, new { HadSecret = true }));
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }
}
