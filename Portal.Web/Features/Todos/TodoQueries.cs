using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.Todos;

namespace Portal.Web.Features.Todos;

/// <summary>A row of a to-do list; <paramref name="ArticleId"/> marks the portal's own to-do to review that item.</summary>
public sealed record TodoRow(Guid Id, string Title, DateTime? DueAt, int Priority, TodoStatus Status, DateTime? DecidedAt, DateTime UpdatedAt, DateTime CreatedAt, Guid? ArticleId);

/// <summary>Everything the detail and one-tap pages show.</summary>
public sealed record TodoDetail(
    Guid Id,
    string Title,
    string? Description,
    DateTime? DueAt,
    int Priority,
    string? DetailUrl,
    IReadOnlyList<TodoField> Fields,
    IReadOnlyList<TodoAction> Actions,
    TodoStatus Status,
    string? Decision,
    string? DecisionComment,
    string? DecidedBy,
    DateTime? DecidedAt)
{
    public string? DecisionLabel => Actions.FirstOrDefault(a => a.Key == Decision)?.Label ?? Decision;
}

/// <summary>
/// Reads of a person's to-dos: those of integration clients and the portal's own review to-dos
/// (<see cref="ReviewTodo"/>), which list together. Every query is filtered to to-dos the person is
/// assigned to: that filter is the authorization, and someone else's to-do is simply not found.
/// </summary>
public static class TodoQueries
{
    public const int PageSize = 50;

    private static readonly Expression<Func<Todo, Guid, bool>> IsAssigned = (t, personId) => t.Assignees.Any(a => a.PersonId == personId);

    private const int ReviewPriority = 20;

    private static readonly Expression<Func<Todo, TodoRow>> Row = t => new TodoRow(t.Id, t.Title, t.DueAt, t.Priority, t.Status, t.DecidedAt, t.UpdatedAt, t.CreatedAt, null);

    // The tab bar counts and the home page lists on every page view: precompiled, as EF Core's per-run
    // preparation of even these small queries costs more than their SQL.
    private static readonly PerModel<Func<PortalDb, Guid, CancellationToken, Task<int>>> PendingCount = new(() => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId, CancellationToken cancellationToken) => db.Todos.Count(t => IsAssigned.Invoke(t, personId) && t.Status == TodoStatus.Pending))));

    private static readonly PerModelAndLimit<Func<PortalDb, Guid, IAsyncEnumerable<TodoRow>>> Pending = new(take => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId) => db.Todos.AsNoTracking()
            .Where(t => IsAssigned.Invoke(t, personId) && t.Status == TodoStatus.Pending)
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
            .Select(t => Row.Invoke(t)).Take(take))));

    private static readonly PerModelAndLimit<Func<PortalDb, Guid, IAsyncEnumerable<TodoRow>>> Closed = new(take => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId) => db.Todos.AsNoTracking()
            .Where(t => IsAssigned.Invoke(t, personId) && t.Status != TodoStatus.Pending)
            .OrderByDescending(t => t.UpdatedAt)
            .Select(t => Row.Invoke(t)).Take(take))));

    private static readonly PerModel<Func<PortalDb, Guid, CancellationToken, Task<int>>> PendingReviewCount = new(() => EF.CompileAsyncQuery(
        (PortalDb db, Guid personId, CancellationToken cancellationToken) => db.ReviewTodos.Count(r => r.PersonId == personId && r.Status == TodoStatus.Pending)));

    // A review to-do has no due date: among the pending ones it sorts by when it was opened.
    private static readonly PerModelAndLimit<Func<PortalDb, Guid, IAsyncEnumerable<TodoRow>>> PendingReviews = new(take => EF.CompileAsyncQuery(
        (PortalDb db, Guid personId) => (from r in db.ReviewTodos.AsNoTracking()
                                         where r.PersonId == personId && r.Status == TodoStatus.Pending
                                         join a in db.Articles on r.ArticleId equals a.Id
                                         orderby r.CreatedAt
                                         select new TodoRow(r.Id, a.Title, null, ReviewPriority, r.Status, r.DecidedAt, r.UpdatedAt, r.CreatedAt, r.ArticleId)).Take(take)));

    private static readonly PerModelAndLimit<Func<PortalDb, Guid, IAsyncEnumerable<TodoRow>>> ClosedReviews = new(take => EF.CompileAsyncQuery(
        (PortalDb db, Guid personId) => (from r in db.ReviewTodos.AsNoTracking()
                                         where r.PersonId == personId && r.Status != TodoStatus.Pending
                                         join a in db.Articles on r.ArticleId equals a.Id
                                         orderby r.UpdatedAt descending
                                         select new TodoRow(r.Id, a.Title, null, ReviewPriority, r.Status, r.DecidedAt, r.UpdatedAt, r.CreatedAt, r.ArticleId)).Take(take)));

    public static IQueryable<Todo> AssignedTo(this IQueryable<Todo> todos, Guid personId) =>
        todos.Where(Inline.Expand((Todo t) => IsAssigned.Invoke(t, personId)));

    public static async Task<int> PendingCountAsync(PortalDb db, Guid personId, CancellationToken cancellationToken) =>
        await PendingCount.For(db)(db, personId, cancellationToken) + await PendingReviewCount.For(db)(db, personId, cancellationToken);

    /// <summary>Pending first due first (no due date last, oldest first); closed ones latest first.</summary>
    public static async Task<List<TodoRow>> ListAsync(PortalDb db, Guid personId, bool pending, int take, CancellationToken cancellationToken)
    {
        var todos = await (pending ? Pending : Closed).For(db, take)(db, personId).ToListAsync(cancellationToken);
        var reviews = await (pending ? PendingReviews : ClosedReviews).For(db, take)(db, personId).ToListAsync(cancellationToken);
        var rows = todos.Concat(reviews);
        var ordered = pending
            ? rows.OrderBy(r => r.DueAt == null).ThenBy(r => r.DueAt).ThenBy(r => r.CreatedAt)
            : rows.OrderByDescending(r => r.UpdatedAt);
        return [.. ordered.Take(take)];
    }

    /// <summary>Null when there is no such to-do or the person is not one of its assignees.</summary>
    public static async Task<TodoDetail?> DetailAsync(PortalDb db, Guid personId, Guid todoId, CancellationToken cancellationToken)
    {
        var todo = await db.Todos.AsNoTracking().AssignedTo(personId).Where(t => t.Id == todoId)
            .Select(t => new
            {
                t.Id, t.Title, t.Description, t.DueAt, t.Priority, t.DetailUrlMobile, t.DetailUrlPc, t.FormFields, t.Actions,
                t.Status, t.Decision, t.DecisionComment, t.DecidedAt,
                DecidedBy = db.People.Where(p => p.Id == t.DecidedById).Select(p => p.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return todo is null
            ? null
            : new TodoDetail(
                todo.Id, todo.Title, todo.Description, todo.DueAt, todo.Priority, todo.DetailUrlMobile ?? todo.DetailUrlPc,
                TodoCard.Fields(todo.FormFields), TodoCard.Actions(todo.Actions), todo.Status, todo.Decision, todo.DecisionComment, todo.DecidedBy, todo.DecidedAt);
    }
}
