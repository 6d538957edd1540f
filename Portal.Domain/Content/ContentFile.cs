using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Content;

public enum ContentFilePurpose
{
    Cover = 1,
    Attachment = 2,
}

/// <summary>
/// A cover image or attachment, kept in the database so every instance serves it and a backup holds
/// it. Files are checked (type by content, size) before they are stored.
/// </summary>
public sealed class ContentFile
{
    public const int MaxFileNameLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Null until the draft it was uploaded for is first saved.</summary>
    public Guid? ArticleId { get; set; }

    public ContentFilePurpose Purpose { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    public required byte[] Bytes { get; init; }

    public Guid UploadedById { get; init; }

    public DateTime UploadedAt { get; init; }
}

internal sealed class ContentFileConfiguration : IEntityTypeConfiguration<ContentFile>
{
    public void Configure(EntityTypeBuilder<ContentFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(ContentFile.MaxFileNameLength);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.HasIndex(f => f.ArticleId);
    }
}
