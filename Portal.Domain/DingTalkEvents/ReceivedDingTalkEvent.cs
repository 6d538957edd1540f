using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.DingTalkEvents;

/// <summary>
/// An event DingTalk pushed to us (HTTP callback or Stream), kept once per dedupe key so a retried or
/// replayed delivery is applied once. A worker claims due rows for a short lease, applies them and
/// marks them processed; one that fails is tried again later, a few times.
/// </summary>
public sealed class ReceivedDingTalkEvent
{
    public const int DedupeKeyLength = 128;
    public const int ErrorLength = 500;

    /// <summary>Attempts after which an event that keeps failing is given up (and the failure kept).</summary>
    public const int MaxAttempts = 10;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>DingTalk's event id when it sends one, otherwise a hash of the decrypted payload.</summary>
    public required string DedupeKey { get; init; }

    public required string EventType { get; init; }

    public required string Payload { get; init; }

    public required string Channel { get; init; }

    public DateTime ReceivedAt { get; init; }

    public DateTime? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Not before this may the event be tried again; null for a new event.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    /// <summary>Held by the instance applying the event until then.</summary>
    public DateTime? LockedUntil { get; private set; }

    public string? Error { get; private set; }

    public void MarkProcessed(DateTime at)
    {
        ProcessedAt = at;
        LockedUntil = null;
        Error = null;
    }

    /// <summary>Records a failed attempt: tried again at <paramref name="retryAt"/>, or given up after <see cref="MaxAttempts"/>.</summary>
    /// <returns>Whether the event was given up.</returns>
    public bool Fail(string error, DateTime now, DateTime retryAt)
    {
        Attempts++;
        Error = error.Length > ErrorLength ? error[..ErrorLength] : error;
        LockedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            ProcessedAt = now;
            return true;
        }

        NextAttemptAt = retryAt;
        return false;
    }
}

internal sealed class ReceivedDingTalkEventConfiguration : IEntityTypeConfiguration<ReceivedDingTalkEvent>
{
    public void Configure(EntityTypeBuilder<ReceivedDingTalkEvent> builder)
    {
        builder.Property(e => e.DedupeKey).HasMaxLength(ReceivedDingTalkEvent.DedupeKeyLength);
        builder.Property(e => e.EventType).HasMaxLength(64);
        builder.Property(e => e.Channel).HasMaxLength(16);
        builder.Property(e => e.Error).HasMaxLength(ReceivedDingTalkEvent.ErrorLength);
        builder.Property(e => e.Attempts).HasDefaultValue(0);
        builder.HasIndex(e => e.DedupeKey).IsUnique();
        builder.HasIndex(e => new { e.ProcessedAt, e.ReceivedAt });
    }
}
