using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Web.Features.Todos;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>Builds the API's answer for a to-do, naming the person who decided it.</summary>
public sealed class TodoViews(TodoLinks links)
{
    public async Task<TodoView> OfAsync(PortalDb db, Todo todo, CancellationToken cancellationToken)
    {
        TodoDecisionView? decision = null;
        if (todo is { Decision: { } action, DecidedById: { } deciderId, DecidedAt: { } decidedAt })
        {
            var decider = await db.People.AsNoTracking().Where(p => p.Id == deciderId)
                .Select(p => new TodoDecider(p.UserId, p.Name)).SingleOrDefaultAsync(cancellationToken);
            decision = new TodoDecisionView(action, todo.DecisionComment, decider ?? new TodoDecider("", ""), DateTime.SpecifyKind(decidedAt, DateTimeKind.Utc));
        }

        return new TodoView(todo.Id, todo.ExternalId, TodoView.StatusOf(todo.Status), links.Detail(todo.Id), decision);
    }
}
