using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Todos;

namespace Portal.Web.Features.Todos;

public enum DecideOutcome
{
    Decided,

    /// <summary>Someone (maybe the same person on another device) decided first, or the source system closed it.</summary>
    AlreadyClosed,

    /// <summary>No such to-do, or the person is not one of its assignees: the two are not told apart.</summary>
    NotFound,
    UnknownAction,
    CommentRequired,
    CommentTooLong,
}

/// <param name="DecidedBy">Who decided, for the loser of a race; null when the source system closed it.</param>
public sealed record DecideResult(DecideOutcome Outcome, TodoStatus? Status = null, string? Decision = null, string? DecidedBy = null, DateTime? DecidedAt = null);

/// <summary>
/// An assignee takes one of the to-do's offered actions. Exactly once across double taps, devices and
/// replays: the decision is a conditional update on a still pending to-do, committed with the outbox
/// messages it owes, so only the winner's decision is ever recorded or sent.
/// </summary>
public sealed class DecideTodo(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public async Task<DecideResult> RunAsync(Guid personId, Guid todoId, string action, string? comment, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var todo = await db.Todos.Include(t => t.Assignees)
            .FirstOrDefaultAsync(t => t.Id == todoId && t.Assignees.Any(a => a.PersonId == personId), cancellationToken);
        if (todo is null)
        {
            return new DecideResult(DecideOutcome.NotFound);
        }

        if (todo.Status != TodoStatus.Pending)
        {
            return await ClosedAsync(db, todoId, cancellationToken);
        }

        var offered = TodoCard.Actions(todo.Actions).FirstOrDefault(a => a.Key == action);
        if (offered is null)
        {
            return new DecideResult(DecideOutcome.UnknownAction);
        }

        if (offered.RequiresComment && string.IsNullOrWhiteSpace(comment))
        {
            return new DecideResult(DecideOutcome.CommentRequired);
        }

        if (comment?.Trim().Length > Todo.MaxCommentLength)
        {
            return new DecideResult(DecideOutcome.CommentTooLong);
        }

        var now = time.GetUtcNow().UtcDateTime;
        todo.Decide(personId, action, comment, now);

        // The rules ran on the tracked copy; the row itself changes only through the conditional update.
        db.ChangeTracker.AcceptAllChanges();
        var (decision, decisionComment, decidedBy) = (todo.Decision, todo.DecisionComment, todo.DecidedById);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var won = await db.Todos
            .Where(t => t.Id == todoId && t.Status == TodoStatus.Pending)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(t => t.Status, TodoStatus.Done)
                    .SetProperty(t => t.Decision, decision)
                    .SetProperty(t => t.DecisionComment, decisionComment)
                    .SetProperty(t => t.DecidedById, decidedBy)
                    .SetProperty(t => t.DecidedAt, (DateTime?)now)
                    .SetProperty(t => t.UpdatedAt, now),
                cancellationToken) == 1;
        if (!won)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ClosedAsync(db, todoId, cancellationToken);
        }

        TodoOutbox.Decision(db, todo, now);
        TodoOutbox.Mirror(db, todo, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DecideResult(DecideOutcome.Decided, TodoStatus.Done, action, await NameAsync(db, personId, cancellationToken), now);
    }

    private static async Task<DecideResult> ClosedAsync(PortalDb db, Guid todoId, CancellationToken cancellationToken)
    {
        var closed = await db.Todos.AsNoTracking().Where(t => t.Id == todoId)
            .Select(t => new { t.Status, t.Decision, t.DecidedById, t.DecidedAt })
            .SingleAsync(cancellationToken);
        var by = closed.DecidedById is { } id ? await NameAsync(db, id, cancellationToken) : null;
        return new DecideResult(DecideOutcome.AlreadyClosed, closed.Status, closed.Decision, by, closed.DecidedAt);
    }

    private static Task<string?> NameAsync(PortalDb db, Guid personId, CancellationToken cancellationToken) =>
        db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
}
