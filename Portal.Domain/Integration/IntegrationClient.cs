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
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasIndex(c => c.KeyHash).IsUnique();
    }
}
