using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Admin;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Features.Content.Editing;

namespace Portal.Web.Features.Content.Workflow;

/// <summary>
/// What each move of an item through review owes besides the move itself, added to the caller's unit of
/// work so it commits with the move or not at all: the approvers' review to-dos opened or closed, the
/// DingTalk notices to approvers and to the author, and the entry in the audit log.
/// </summary>
public sealed class WorkflowEffects(ContentLinks links)
{
    public const string Submitted = "content.submitted";
    public const string Approved = "content.approved";
    public const string Rejected = "content.rejected";
    public const string Published = "content.published";

    /// <summary>Every approver of the item (<see cref="EditorialAccess.ReviewersOf"/>) gets a review to-do and a notice.</summary>
    public async Task SubmittedAsync(PortalDb db, Article article, Guid by, DateTime at, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(db, by, cancellationToken);
        var message = WorkflowMessages.ReviewRequested(article, actor.Name, links.Editor(article.Id), WorkflowMessages.Organisation);
        foreach (var reviewer in await EditorialAccess.ReviewersOf(db, article.AuthorId).ToListAsync(cancellationToken))
        {
            var todo = new ReviewTodo(article.Id, reviewer, at);
            db.ReviewTodos.Add(todo);
            WorkflowNotice.Enqueue(db, reviewer, message, todo.Id, $"review:{todo.Id:D}", at);
        }

        Audit(db, at, actor, Submitted, article, null);
    }

    public async Task ApprovedAsync(PortalDb db, Article article, Guid by, DateTime at, CancellationToken cancellationToken)
    {
        await CloseReviewAsync(db, article.Id, ReviewOutcome.Approved, by, at, cancellationToken);
        Audit(db, at, await ActorAsync(db, by, cancellationToken), Approved, article, null);
    }

    /// <summary>The review closes for every approver, and the author is told why it came back.</summary>
    public async Task RejectedAsync(PortalDb db, Article article, Guid by, DateTime at, CancellationToken cancellationToken)
    {
        await CloseReviewAsync(db, article.Id, ReviewOutcome.Rejected, by, at, cancellationToken);
        var actor = await ActorAsync(db, by, cancellationToken);
        var reason = article.RejectionComment ?? "";
        TellAuthor(db, article, article, by, WorkflowMessages.Rejected(article, actor.Name, reason, links.Editor(article.Id), WorkflowMessages.Organisation), at);
        Audit(db, at, actor, Rejected, article, reason);
    }

    /// <summary>The item went live, now or at its scheduled time (<paramref name="by"/> null: the scheduler).</summary>
    public Task PublishedAsync(PortalDb db, Article article, Guid? by, DateTime at, CancellationToken cancellationToken) =>
        PublishedAsync(db, article, article, by, at, cancellationToken);

    /// <summary>A revision went live in the item it revises; its author is the one told.</summary>
    public Task RevisionPublishedAsync(PortalDb db, Article live, Article revision, Guid? by, DateTime at, CancellationToken cancellationToken) =>
        PublishedAsync(db, live, revision, by, at, cancellationToken);

    private async Task PublishedAsync(PortalDb db, Article live, Article written, Guid? by, DateTime at, CancellationToken cancellationToken)
    {
        TellAuthor(db, written, live, by, WorkflowMessages.Published(live, links.Item(live.Id), WorkflowMessages.Organisation), at);
        Audit(db, at, await ActorAsync(db, by, cancellationToken), Published, live, null);
    }

    /// <summary>Closes the review to-dos of every approver at once; one already closed stays as it was.</summary>
    public static async Task CloseReviewAsync(PortalDb db, Guid articleId, ReviewOutcome outcome, Guid? by, DateTime at, CancellationToken cancellationToken)
    {
        foreach (var todo in await db.ReviewTodos.Where(t => t.ArticleId == articleId && t.Status == TodoStatus.Pending).ToListAsync(cancellationToken))
        {
            todo.Close(outcome, by, at);
        }
    }

    /// <summary>
    /// Only a person is told (an OA system that sent the item hears through its own API), and never of
    /// their own move. The entry the move just recorded makes the notice one of a kind.
    /// </summary>
    private static void TellAuthor(PortalDb db, Article written, Article moved, Guid? by, WorkMessage message, DateTime at)
    {
        if (written.SourceClientId is null && written.AuthorId != by)
        {
            WorkflowNotice.Enqueue(db, written.AuthorId, message, null, $"author:{moved.History[^1].Id:D}", at);
        }
    }

    private static void Audit(PortalDb db, DateTime at, Actor actor, string action, Article article, string? comment) =>
        db.AuditEntries.Add(AuditEntry.Create(at, actor.PersonId, actor.Name, action, article.Title, null, new { ArticleId = article.Id, Kind = article.Kind.ToString(), Comment = comment }));

    /// <summary>A person, or the integration client that sent the item; nobody (the scheduler) has no name.</summary>
    private static async Task<Actor> ActorAsync(PortalDb db, Guid? by, CancellationToken cancellationToken)
    {
        if (by is not { } id)
        {
            return new Actor(null, "");
        }

        if (await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) is { } person)
        {
            return new Actor(id, person);
        }

        return new Actor(null, await db.IntegrationClients.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "");
    }
}
