using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Web.Features.Integration.Api;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>The to-do after an upsert (201 created, 200 updated or unchanged), or the problem that stopped it.</summary>
public sealed record UpsertOutcome(int Status, TodoView? Todo, ProblemHttpResult? Problem);

/// <summary>
/// <c>PUT /api/v1/todos/{externalId}</c>: creates or updates the client's to-do by its external id.
/// The same request twice changes nothing; two identical requests at once make one to-do, because the
/// loser of the insert race finds the winner's row and applies itself as an update.
/// </summary>
public sealed class UpsertTodo(IDbContextFactory<PortalDb> dbFactory, TodoViews views, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<UpsertOutcome> RunAsync(Guid clientId, string externalId, byte[] body, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        TodoExternalId.Check(externalId, "externalId", errors);
        using var document = JsonBody.ParseObject(body, errors);
        var request = document is null || errors.Any ? null : TodoRequestReader.Read(document.RootElement, "", time.GetUtcNow().UtcDateTime, errors);
        if (request is null)
        {
            return new UpsertOutcome(StatusCodes.Status400BadRequest, null, errors.ToProblem());
        }

        return await RunAsync(clientId, new TodoItem(externalId, request, TodoRequestReader.Hash(request)), cancellationToken);
    }

    /// <summary>One checked item, on a context of its own; the batch falls back to this when its single save loses a race.</summary>
    public async Task<UpsertOutcome> RunAsync(Guid clientId, TodoItem item, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.Todos.Include(t => t.Assignees)
                .SingleOrDefaultAsync(t => t.ClientId == clientId && t.ExternalId == item.ExternalId, cancellationToken);
            var people = new List<Guid>();
            if (existing?.RequestHash != item.Hash)
            {
                var errors = new RequestErrors();
                var lookup = await TodoAssignees.LoadAsync(db, item.Request.Assignees, cancellationToken);
                if (lookup.Resolve(item.Request.Assignees, "", errors) is not { } resolved)
                {
                    return new UpsertOutcome(StatusCodes.Status400BadRequest, null, errors.ToProblem());
                }

                people = resolved;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var status = TodoChanges.Apply(db, clientId, existing, item, people, now, out var todo);
            if (status == StatusCodes.Status409Conflict)
            {
                return new UpsertOutcome(status, null, Reopen(todo));
            }

            // Closing at the source races an assignee's decision: the row is taken while still pending
            // (a lock on PostgreSQL), and if a decision came first the request starts over and sees it.
            var closing = existing is { Status: TodoStatus.Pending } && todo.Status != TodoStatus.Pending;
            await using var transaction = closing ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (closing && await db.Todos.Where(t => t.Id == todo.Id && t.Status == TodoStatus.Pending)
                    .ExecuteUpdateAsync(set => set.SetProperty(t => t.UpdatedAt, now), cancellationToken) == 0)
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            catch (DbUpdateException exception) when (TodoChanges.IsUniqueViolation(exception))
            {
                if (attempt < Attempts)
                {
                    continue;
                }

                return new UpsertOutcome(StatusCodes.Status409Conflict, null, ApiProblems.Create(
                    StatusCodes.Status409Conflict, "concurrent-change", "The to-do kept changing while it was saved", "Other requests changed the same to-do at the same time; send the request again."));
            }

            return new UpsertOutcome(status, await views.OfAsync(db, todo, cancellationToken), null);
        }
    }

    public static ProblemHttpResult Reopen(Todo todo) =>
        ApiProblems.Create(
            StatusCodes.Status409Conflict,
            "todo-closed",
            "The to-do is closed and cannot be reopened",
            $"It is {TodoView.StatusOf(todo.Status)}; send status done or cancelled, or use a new externalId for new work.",
            "status");
}
