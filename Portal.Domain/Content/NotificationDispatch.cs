using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Content;

public enum DispatchPurpose
{
    Publish = 1,
    Reminder = 2,
}

/// <summary>
/// One push of an item to DingTalk (on publish, or a reminder): the message, frozen when it was
/// planned so a retried call sends exactly the same content, and the calls that carry it.
/// </summary>
public sealed class NotificationDispatch
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ArticleId { get; init; }

    public DispatchPurpose Purpose { get; init; }

    /// <summary>The work-notification <c>msg</c> JSON.</summary>
    public required string Message { get; init; }

    public int Recipients { get; init; }

    public Guid? CreatedById { get; init; }

    public DateTime CreatedAt { get; init; }

    public List<NotificationCall> Calls { get; } = [];
}

/// <summary>
/// One work-notification call of a dispatch. <see cref="TaskId"/> is saved as soon as DingTalk accepts,
/// so a redelivered outbox message for a call already sent does not send it again.
/// </summary>
public sealed class NotificationCall
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid DispatchId { get; init; }

    public int Index { get; init; }

    public bool ToAllUsers { get; init; }

    /// <summary>Comma-separated, as DingTalk takes them.</summary>
    public string DepartmentIds { get; init; } = "";

    /// <summary>Comma-separated userIds, at most 100.</summary>
    public string UserIds { get; init; } = "";

    public long? TaskId { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>When DingTalk's per-recipient result was last collected.</summary>
    public DateTime? ResultAt { get; private set; }

    public void Sent(long taskId, DateTime at)
    {
        TaskId = taskId;
        SentAt = at;
    }

    public void ResultCollected(DateTime at) => ResultAt = at;
}

internal sealed class NotificationDispatchConfiguration : IEntityTypeConfiguration<NotificationDispatch>
{
    public void Configure(EntityTypeBuilder<NotificationDispatch> builder)
    {
        builder.HasIndex(d => new { d.ArticleId, d.CreatedAt });
        builder.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Calls).WithOne().HasForeignKey(c => c.DispatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationCallConfiguration : IEntityTypeConfiguration<NotificationCall>
{
    public void Configure(EntityTypeBuilder<NotificationCall> builder)
    {
        builder.HasIndex(c => new { c.DispatchId, c.Index }).IsUnique();
        builder.HasIndex(c => c.SentAt);
    }
}
