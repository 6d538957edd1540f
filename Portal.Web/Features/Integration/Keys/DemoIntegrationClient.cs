using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.Domain.Admin;
using Portal.Domain.Data;
using Portal.Domain.Integration;

namespace Portal.Web.Features.Integration.Keys;

/// <summary>
/// At start, in Development with the DingTalk simulator only: the client "demo-oa" with every scope
/// and the configured key (created, or its hash replaced when the key changed). A production portal
/// never gets a client from configuration; keys there are issued by an admin and shown once.
/// </summary>
public static class DemoIntegrationClient
{
    private const string Actor = "configuration";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptionsMonitor<DemoClientOptions>>().CurrentValue;
        var key = options.Key;
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        var mode = services.GetRequiredService<IOptionsMonitor<DingTalkOptions>>().CurrentValue.Mode;
        if (!environment.IsDevelopment() || mode != DingTalkMode.Simulator)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoIntegrationClient))
                .LogWarning("{Setting} is ignored: the demo integration client exists only in Development with the DingTalk simulator", DemoClientOptions.SectionName);
            return;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var client = await EnsureAsync(db, key.Trim(), now, cancellationToken);
        await WebhookAsync(db, client, options, services.GetRequiredService<WebhookSecrets>(), now, cancellationToken);
    }

    private static async Task<IntegrationClient> EnsureAsync(PortalDb db, string key, DateTime now, CancellationToken cancellationToken)
    {
        var hash = IntegrationClient.Hash(key);
        var scopes = string.Join(' ', IntegrationClient.AllScopes);
        var client = await db.IntegrationClients.SingleOrDefaultAsync(c => c.Name == DemoClientOptions.ClientName, cancellationToken);
        if (client is null)
        {
            client = new IntegrationClient { Name = DemoClientOptions.ClientName, KeyHash = hash, KeyPrefix = IntegrationKeys.ShownPrefix(key), Scopes = scopes, CreatedAt = now };
            db.IntegrationClients.Add(client);
            db.AuditEntries.Add(AuditEntry.Create(now, null, Actor, "integration.client.issued", Subject(), null, new { client.Name, client.KeyPrefix, client.Scopes }));
        }
        else if (client.KeyHash != hash || client.Scopes != scopes)
        {
            var before = new { client.KeyPrefix, client.Scopes };
            client.KeyHash = hash;
            client.KeyPrefix = IntegrationKeys.ShownPrefix(key);
            client.Scopes = scopes;
            db.AuditEntries.Add(AuditEntry.Create(now, null, Actor, "integration.client.key-replaced", Subject(), before, new { client.KeyPrefix, client.Scopes }));
        }

        await db.SaveChangesAsync(cancellationToken);
        return client;
    }

    /// <summary>The configured webhook and secret win over what the admin page set, as the key does.</summary>
    private static async Task WebhookAsync(PortalDb db, IntegrationClient client, DemoClientOptions options, WebhookSecrets secrets, DateTime now, CancellationToken cancellationToken)
    {
        var url = string.IsNullOrWhiteSpace(options.WebhookUrl) ? null : options.WebhookUrl.Trim();
        var secret = string.IsNullOrWhiteSpace(options.WebhookSecret) ? null : options.WebhookSecret.Trim();
        var urlChanged = url is not null && client.WebhookUrl != url;
        var secretChanged = secret is not null && secrets.Unprotect(client.ProtectedWebhookSecret) != secret;
        if (!urlChanged && !secretChanged)
        {
            return;
        }

        var before = new { client.WebhookUrl, HadSecret = client.ProtectedWebhookSecret is not null };
        client.WebhookUrl = url ?? client.WebhookUrl;
        if (secretChanged)
        {
            client.ProtectedWebhookSecret = secrets.Protect(secret!);
        }

        db.AuditEntries.Add(AuditEntry.Create(now, null, Actor, "integration.client.webhook-changed", Subject(), before, new { client.WebhookUrl, HadSecret = client.ProtectedWebhookSecret is not null }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Subject() => "integration " + DemoClientOptions.ClientName;
}
