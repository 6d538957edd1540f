using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;
using Portal.Web.Features.Integration.Api;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>
/// The to-do API for OA/ERP systems: upsert by external id, read back status and decision, cancel,
/// and upsert in batches. A client only ever sees its own to-dos; another client's id is a 404.
/// </summary>
public static class TodoEndpoints
{
    public const string Path = "/api/v1/todos";

    public static async Task<Results<Created<TodoView>, Ok<TodoView>, ProblemHttpResult>> PutAsync(
        string externalId, HttpContext context, UpsertTodo upsert, IOptionsMonitor<IntegrationOptions> options)
    {
        var limit = options.CurrentValue.MaxBodyBytes;
        var body = await ReadAsync(context, limit);
        if (body.Problem is { } refused)
        {
            return refused;
        }

        var outcome = await upsert.RunAsync(IntegrationCaller.From(context.User).Id, externalId, body.Bytes!, context.RequestAborted);
        return outcome switch
        {
            { Problem: { } problem } => problem,
            { Status: StatusCodes.Status201Created } => TypedResults.Created(Location(externalId), outcome.Todo),
            _ => TypedResults.Ok(outcome.Todo),
        };
    }

    public static async Task<Results<Ok<TodoView>, ProblemHttpResult>> GetAsync(
        string externalId, HttpContext context, IDbContextFactory<PortalDb> dbFactory, TodoViews views)
    {
        var clientId = IntegrationCaller.From(context.User).Id;
        await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
        var todo = await db.Todos.AsNoTracking().SingleOrDefaultAsync(t => t.ClientId == clientId && t.ExternalId == externalId, context.RequestAborted);
        return todo is null ? ApiProblems.NotFound() : TypedResults.Ok(await views.OfAsync(db, todo, context.RequestAborted));
    }

    public static async Task<Results<Ok<TodoView>, ProblemHttpResult>> DeleteAsync(string externalId, HttpContext context, CancelTodo cancel)
    {
        var todo = await cancel.RunAsync(IntegrationCaller.From(context.User).Id, externalId, context.RequestAborted);
        return todo is null ? ApiProblems.NotFound() : TypedResults.Ok(todo);
    }

    public static async Task<Results<Ok<TodoBatchResult>, ProblemHttpResult>> BatchAsync(
        HttpContext context, UpsertTodoBatch batch, IOptionsMonitor<IntegrationOptions> options)
    {
        var limit = options.CurrentValue.MaxBatchBodyBytes;
        var body = await ReadAsync(context, limit);
        if (body.Problem is { } refused)
        {
            return refused;
        }

        var outcome = await batch.RunAsync(IntegrationCaller.From(context.User).Id, body.Bytes!, context.RequestAborted);
        return outcome.Problem is { } problem ? problem : TypedResults.Ok(outcome.Result!);
    }

    private static string Location(string externalId) => $"{Path}/{Uri.EscapeDataString(externalId)}";

    private static async Task<(byte[]? Bytes, ProblemHttpResult? Problem)> ReadAsync(HttpContext context, int limit)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, ApiProblems.NotJson());
        }

        var body = await RequestBody.ReadAsync(context.Request, limit, context.RequestAborted);
        return body is null ? (null, ApiProblems.TooLarge(limit)) : (body, null);
    }
}
