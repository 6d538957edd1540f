using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Outbox;

public enum OutboxStatus
{
    Pending = 0,
    Delivered = 1,
    DeadLettered = 2,
}

/// <summary>
/// Something to deliver outside the database (a DingTalk call, a webhook), written in the same
/// SaveChanges as the business change that caused it. The relay leases, delivers, retries with backoff
/// and, after too many failures, dead-letters it for an admin to inspect and retry.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxKindLength = 64;

    public OutboxMessage(string kind, string payload, string idempotencyKey, DateTime at)
        : this()
    {
        Kind = kind;
        Payload = payload;
        IdempotencyKey = idempotencyKey;
        CreatedAt = at;
        NextAttemptAt = at;
    }

    private OutboxMessage()
    {
        Kind = "";
        Payload = "";
        IdempotencyKey = "";
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Kind { get; private set; }

    public string Payload { get; private set; }

    /// <summary>Unique: the same business event never enqueues twice, and receivers can dedupe on it.</summary>
    public string IdempotencyKey { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public void Delivered(DateTime at)
    {
        Status = OutboxStatus.Delivered;
        DeliveredAt = at;
        LeaseOwner = null;
        LeaseUntil = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt; dead-letters after <paramref name="maxAttempts"/>.</summary>
    public void Failed(string error, DateTime at, TimeSpan retryIn, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        LeaseOwner = null;
        LeaseUntil = null;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.DeadLettered;
            return;
        }

        NextAttemptAt = at + retryIn;
    }

    /// <summary>An admin sends a dead letter back for delivery.</summary>
    public void Retry(DateTime at)
    {
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.MaxKindLength);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
