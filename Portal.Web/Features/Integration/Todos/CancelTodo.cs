using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Web.Features.Todos;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>
/// <c>DELETE /api/v1/todos/{externalId}</c>: the source system withdraws a to-do. Cancelling twice is
/// the same as once, and a to-do decided meanwhile stays decided: the close is conditional on pending.
/// </summary>
public sealed class CancelTodo(IDbContextFactory<PortalDb> dbFactory, TodoViews views, TimeProvider time)
{
    /// <returns>The to-do as it now stands, or null when the client has none by that id.</returns>
    public async Task<TodoView?> RunAsync(Guid clientId, string externalId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Todos
            .Where(t => t.ClientId == clientId && t.ExternalId == externalId && t.Status == TodoStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, TodoStatus.Cancelled).SetProperty(t => t.UpdatedAt, now), cancellationToken);
        var todo = await db.Todos.AsNoTracking().SingleOrDefaultAsync(t => t.ClientId == clientId && t.ExternalId == externalId, cancellationToken);
        if (todo is not null && cancelled == 1)
        {
            TodoOutbox.Mirror(db, todo, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return todo is null ? null : await views.OfAsync(db, todo, cancellationToken);
    }
}
