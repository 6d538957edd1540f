using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Todos;

namespace Portal.Domain.Content;

/// <summary>How an item left review, for the to-dos of the approvers who were asked.</summary>
public enum ReviewOutcome
{
    Approved = 1,
    Rejected = 2,

    /// <summary>Taken back before anyone decided: nothing was decided, the to-do is cancelled.</summary>
    Withdrawn = 3,
}

/// <summary>
/// One approver's to-do to review a submitted item. Every approver of the item gets one when it is
/// submitted; when one of them decides, or the item leaves review otherwise, all of them are closed
/// together, so nobody acts on a stale one. It sits on the approver's to-do list beside the to-dos of
/// integration clients, and goes to the editor, where the decision is taken.
/// </summary>
public sealed class ReviewTodo
{
    public ReviewTodo(Guid articleId, Guid personId, DateTime at)
    {
        ArticleId = articleId;
        PersonId = personId;
        CreatedAt = at;
        UpdatedAt = at;
    }

    private ReviewTodo()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ArticleId { get; private set; }

    /// <summary>The approver asked.</summary>
    public Guid PersonId { get; private set; }

    public TodoStatus Status { get; private set; } = TodoStatus.Pending;

    public ReviewOutcome? Outcome { get; private set; }

    /// <summary>Who decided; null for a withdrawn item.</summary>
    public Guid? DecidedById { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Set once the approver's DingTalk notification was accepted: it is never sent twice.</summary>
    public DateTime? NotifiedAt { get; private set; }

    /// <summary>Closes a pending to-do; a closed one stays as it was (the first outcome counts).</summary>
    public void Close(ReviewOutcome outcome, Guid? by, DateTime at)
    {
        if (Status != TodoStatus.Pending)
        {
            return;
        }

        Status = outcome == ReviewOutcome.Withdrawn ? TodoStatus.Cancelled : TodoStatus.Done;
        Outcome = outcome;
        DecidedById = outcome == ReviewOutcome.Withdrawn ? null : by;
        DecidedAt = at;
        UpdatedAt = at;
    }

    public void Notified(DateTime at) => NotifiedAt = at;
}

internal sealed class ReviewTodoConfiguration : IEntityTypeConfiguration<ReviewTodo>
{
    public void Configure(EntityTypeBuilder<ReviewTodo> builder)
    {
        builder.HasIndex(t => new { t.PersonId, t.Status });

        // The push planner counts today's notifications per person.
        builder.HasIndex(t => t.NotifiedAt);
        builder.HasOne<Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
