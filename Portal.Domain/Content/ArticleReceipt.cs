using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Content;

/// <summary>What DingTalk reported for one recipient of a work notification.</summary>
public enum NotificationOutcome
{
    None = 0,
    Sent = 1,
    Read = 2,
    Forbidden = 3,
    Failed = 4,
}

/// <summary>
/// One person and one item: whether the notification reached them (and DingTalk's word on it), when
/// they opened the item, acknowledged it, and were last reminded. One row per person and item.
/// </summary>
public sealed class ArticleReceipt
{
    public Guid ArticleId { get; init; }

    public Guid PersonId { get; init; }

    public NotificationOutcome Notification { get; private set; }

    /// <summary>DingTalk's code for a silent drop (143105 daily cap, 143106 repeated content).</summary>
    public string? NotificationCode { get; private set; }

    public DateTime? NotifiedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    public int Reminders { get; private set; }

    public DateTime? RemindedAt { get; private set; }

    public void Notified(NotificationOutcome outcome, string? code, DateTime at)
    {
        // A read reported earlier is not undone by a later, staler report.
        if (Notification == NotificationOutcome.Read && outcome == NotificationOutcome.Sent)
        {
            return;
        }

        Notification = outcome;
        NotificationCode = code;
        NotifiedAt ??= at;
    }

    /// <returns>Whether this is the first read.</returns>
    public bool Read(DateTime at)
    {
        if (ReadAt is not null)
        {
            return false;
        }

        ReadAt = at;
        return true;
    }

    public bool Acknowledge(DateTime at)
    {
        ReadAt ??= at;
        if (AcknowledgedAt is not null)
        {
            return false;
        }

        AcknowledgedAt = at;
        return true;
    }

    public void Reminded(DateTime at)
    {
        Reminders++;
        RemindedAt = at;
    }
}

internal sealed class ArticleReceiptConfiguration : IEntityTypeConfiguration<ArticleReceipt>
{
    public void Configure(EntityTypeBuilder<ArticleReceipt> builder)
    {
        builder.HasKey(r => new { r.ArticleId, r.PersonId });
        builder.Property(r => r.NotificationCode).HasMaxLength(16);
        builder.HasIndex(r => r.PersonId);
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
