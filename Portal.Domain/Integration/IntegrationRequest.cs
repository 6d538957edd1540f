using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Integration;

/// <summary>
/// A request an integration client sent with an <c>Idempotency-Key</c>: a retry with the same key gets
/// the item the first one created instead of a second item. The body's SHA-256 tells a retry from a
/// different request that reuses the key.
/// </summary>
public sealed class IntegrationRequest
{
    public const int MaxKeyLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ClientId { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string RequestHash { get; init; }

    public Guid ArticleId { get; init; }

    public DateTime CreatedAt { get; init; }
}

internal sealed class IntegrationRequestConfiguration : IEntityTypeConfiguration<IntegrationRequest>
{
    public void Configure(EntityTypeBuilder<IntegrationRequest> builder)
    {
        builder.Property(r => r.IdempotencyKey).HasMaxLength(IntegrationRequest.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.ClientId, r.IdempotencyKey }).IsUnique();
        builder.HasIndex(r => r.ArticleId);
        builder.HasOne<IntegrationClient>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Content.Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
