using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Integration;

/// <summary>
/// An OA/ERP/HR system that calls the integration API with a bearer key. Only the key's SHA-256 is
/// stored; the key itself is shown once, when it is issued.
/// </summary>
public sealed class IntegrationClient
{
    public const string ContentWrite = "content:write";
    public const string ContentPublish = "content:publish";
    public const string TodosWrite = "todos:write";
    public const string OrgWrite = "org:write";

    public static readonly IReadOnlyList<string> AllScopes = [ContentWrite, ContentPublish, TodosWrite, OrgWrite];

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public required string Name { get; init; }

    public required string KeyHash { get; set; }

    /// <summary>The first characters of the key, so people can tell keys apart.</summary>
    public required string KeyPrefix { get; set; }

    /// <summary>Space-separated scopes.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>Where decisions on this client's to-dos are POSTed; null: the client polls instead.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The webhook signing secret, encrypted with the portal's data protection (never stored in clear).</summary>
    public string? ProtectedWebhookSecret { get; set; }

    /// <summary>A disabled client's key is refused; unlike revocation this can be undone.</summary>
    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; init; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public bool Has(string scope) => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

internal sealed class IntegrationClientConfiguration : IEntityTypeConfiguration<IntegrationClient>
{
    public void Configure(EntityTypeBuilder<IntegrationClient> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.KeyHash).HasMaxLength(64);
        builder.Property(c => c.KeyPrefix).HasMaxLength(12);
        builder.Property(c => c.Scopes).HasMaxLength(500);
        builder.Property(c => c.WebhookUrl).HasMaxLength(1000);
        builder.Property(c => c.ProtectedWebhookSecret).HasMaxLength(2000);
        builder.Property(c => c.Enabled).HasDefaultValue(true).ValueGeneratedNever();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasIndex(c => c.KeyHash).IsUnique();
    }
}
