namespace Portal.Web.Features.Integration.Admin;

/// <summary>A client as the admin page lists it; never its key, hash or webhook secret.</summary>
public sealed record IntegrationClientRow(Guid Id, string Name, string KeyPrefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public string? WebhookUrl { get; init; }

    public bool HasWebhookSecret { get; init; }

    public bool Enabled { get; init; } = true;
}
