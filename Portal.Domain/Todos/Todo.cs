using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Todos;

public enum TodoStatus
{
    Pending = 0,
    Done = 1,
    Cancelled = 2,
}

/// <summary>
/// A to-do an integration client (OA, ERP, HR) owns, known to it by <see cref="ExternalId"/>. Its
/// assignees see it on their list and in DingTalk; one of them decides with one of the offered actions,
/// exactly once, and the decision goes back to the client's webhook.
/// </summary>
public sealed class Todo
{
    public const int MaxExternalIdLength = 128;
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxUrlLength = 1000;
    public const int MaxCommentLength = 1000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ClientId { get; init; }

    public required string ExternalId { get; init; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public DateTime? DueAt { get; set; }

    /// <summary>DingTalk's priorities: 10 low, 20 normal, 30 urgent, 40 very urgent.</summary>
    public int Priority { get; set; } = 20;

    public string? DetailUrlMobile { get; set; }

    public string? DetailUrlPc { get; set; }

    /// <summary>JSON array of <c>{key, value}</c> rows shown on the card.</summary>
    public string FormFields { get; set; } = "[]";

    /// <summary>JSON array of <c>{key, label, requiresComment}</c>: the decisions an assignee may take.</summary>
    public string Actions { get; set; } = "[]";

    public TodoStatus Status { get; private set; }

    /// <summary>SHA-256 of the last accepted request body: the same body again changes nothing.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>The key of the action taken; null until decided.</summary>
    public string? Decision { get; private set; }

    public string? DecisionComment { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    /// <summary>The mirrored DingTalk to-do's id, once created.</summary>
    public string? DingTalkTaskId { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public List<TodoAssignee> Assignees { get; } = [];

    /// <summary>
    /// An assignee's decision. Exactly-once across devices is the caller's conditional update on
    /// <see cref="TodoStatus.Pending"/>; this guards the rules.
    /// </summary>
    public void Decide(Guid by, string action, string? comment, DateTime at)
    {
        if (Status != TodoStatus.Pending)
        {
            throw new TodoException("already-closed", $"The to-do is {Status}.");
        }

        if (Assignees.All(a => a.PersonId != by))
        {
            throw new TodoException("not-assignee", "Only an assignee decides a to-do.");
        }

        Status = TodoStatus.Done;
        Decision = action;
        DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedById = by;
        DecidedAt = at;
        UpdatedAt = at;
    }

    /// <summary>The source system closes or withdraws it (a status in an upsert, or DELETE).</summary>
    public void CloseAtSource(TodoStatus status, DateTime at)
    {
        if (status == TodoStatus.Pending || Status != TodoStatus.Pending)
        {
            return;
        }

        Status = status;
        UpdatedAt = at;
    }
}

/// <summary>An illegal move on a to-do; <see cref="Code"/> is stable for callers and tests.</summary>
public sealed class TodoException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>A person a to-do is assigned to; <see cref="NotifiedAt"/> is set once their DingTalk notification is queued.</summary>
public sealed class TodoAssignee
{
    public Guid TodoId { get; init; }

    public Guid PersonId { get; init; }

    public DateTime? NotifiedAt { get; set; }
}

internal sealed class TodoConfiguration : IEntityTypeConfiguration<Todo>
{
    public void Configure(EntityTypeBuilder<Todo> builder)
    {
        builder.Property(t => t.ExternalId).HasMaxLength(Todo.MaxExternalIdLength);
        builder.Property(t => t.Title).HasMaxLength(Todo.MaxTitleLength);
        builder.Property(t => t.Description).HasMaxLength(Todo.MaxDescriptionLength);
        builder.Property(t => t.DetailUrlMobile).HasMaxLength(Todo.MaxUrlLength);
        builder.Property(t => t.DetailUrlPc).HasMaxLength(Todo.MaxUrlLength);
        builder.Property(t => t.RequestHash).HasMaxLength(64);
        builder.Property(t => t.Decision).HasMaxLength(64);
        builder.Property(t => t.DecisionComment).HasMaxLength(Todo.MaxCommentLength);
        builder.Property(t => t.DingTalkTaskId).HasMaxLength(128);
        builder.HasIndex(t => new { t.ClientId, t.ExternalId }).IsUnique();
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasOne<Integration.IntegrationClient>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Assignees).WithOne().HasForeignKey(a => a.TodoId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TodoAssigneeConfiguration : IEntityTypeConfiguration<TodoAssignee>
{
    public void Configure(EntityTypeBuilder<TodoAssignee> builder)
    {
        builder.HasKey(a => new { a.TodoId, a.PersonId });
        builder.HasIndex(a => a.PersonId);

        // The push planner counts today's notifications per person.
        builder.HasIndex(a => a.NotifiedAt);
    }
}
