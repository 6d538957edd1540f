using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Content;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(500);
        builder.Property(a => a.Category).HasMaxLength(50);
        builder.Property(a => a.RejectionComment).HasMaxLength(1000);
        // The unread count walks it newest first, and the home page's kept list is read through it.
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.Status, a.PublishAt });
        builder.HasIndex(a => a.AuthorId);
        builder.HasIndex(a => a.RevisionOfId);
        builder.Property(a => a.Notify).HasDefaultValue(true).ValueGeneratedNever();
        builder.HasOne<Audiences.Audience>().WithMany().HasForeignKey(a => a.AudienceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(h => h.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleHistoryConfiguration : IEntityTypeConfiguration<ArticleHistory>
{
    public void Configure(EntityTypeBuilder<ArticleHistory> builder)
    {
        // The id is set when the entry is made; an entry appended to a loaded item is new, not an update.
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Action).HasMaxLength(32);
        builder.Property(h => h.Detail).HasMaxLength(1000);
        builder.HasIndex(h => new { h.ArticleId, h.At });
    }
}
