using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Data;
using Portal.Web.Features.Admin;

namespace Portal.Web.Features.Integration.Admin;

/// <summary>Sets or clears where a client's decisions are posted; recorded with before and after.</summary>
public sealed class SetIntegrationWebhook(IDbContextFactory<PortalDb> dbFactory, WebhookTargets targets, IHostEnvironment environment, TimeProvider time)
{
    /// <returns>Null when saved, else why not (a resource key of <c>IntegrationText</c>).</returns>
    public async Task<string?> ExecuteAsync(Actor actor, Guid clientId, string? url, CancellationToken cancellationToken)
    {
        var normalized = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (normalized is not null && !WebhookUrls.IsAllowed(normalized, environment.IsDevelopment()))
        {
            return environment.IsDevelopment() ? "WebhookUrlInvalidDevelopment" : "WebhookUrlInvalid";
        }

        if (normalized is not null && !targets.AllowsHost(new Uri(normalized)))
        {
            return "WebhookUrlPrivate";
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null || client.RevokedAt is not null)
        {
            return "ClientRevoked";
        }

        if (client.WebhookUrl == normalized)
        {
            return null;
        }

        var before = client.WebhookUrl;
        client.WebhookUrl = normalized;
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow().UtcDateTime, actor.PersonId, actor.Name, "integration.client.webhook-changed", "integration " + client.Name, new { WebhookUrl = before }, new { WebhookUrl = normalized }));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
