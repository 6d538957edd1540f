using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.DingTalkEvents;

/// <summary>
/// An event DingTalk pushed to us (HTTP callback or Stream), kept once per dedupe key so a retried or
/// replayed delivery is applied once. Workers read unprocessed rows and mark them processed.
/// </summary>
public sealed class ReceivedDingTalkEvent
{
    public const int DedupeKeyLength = 128;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>DingTalk's event id when it sends one, otherwise a hash of the decrypted payload.</summary>
    public required string DedupeKey { get; init; }

    public required string EventType { get; init; }

    public required string Payload { get; init; }

    public required string Channel { get; init; }

    public DateTime ReceivedAt { get; init; }

    public DateTime? ProcessedAt { get; private set; }

    public void MarkProcessed(DateTime at) => ProcessedAt = at;
}

internal sealed class ReceivedDingTalkEventConfiguration : IEntityTypeConfiguration<ReceivedDingTalkEvent>
{
    public void Configure(EntityTypeBuilder<ReceivedDingTalkEvent> builder)
    {
        builder.Property(e => e.DedupeKey).HasMaxLength(ReceivedDingTalkEvent.DedupeKeyLength);
        builder.Property(e => e.EventType).HasMaxLength(64);
        builder.Property(e => e.Channel).HasMaxLength(16);
        builder.HasIndex(e => e.DedupeKey).IsUnique();
        builder.HasIndex(e => new { e.ProcessedAt, e.ReceivedAt });
    }
}
