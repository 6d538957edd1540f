using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Web.Features.Integration.Api;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>Per-item results of a batch, in the order of the request's items.</summary>
public sealed record TodoBatchResult(IReadOnlyList<TodoBatchItemResult> Items);

/// <summary>One item's result: 201 created, 200 updated or unchanged, 400 invalid, 409 closed.</summary>
public sealed record TodoBatchItemResult(
    string? ExternalId,
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TodoItemError>? Errors);

/// <summary>What is wrong with an item, by JSON path within the item.</summary>
public sealed record TodoItemError(string Field, string Code, string Message);

public sealed record BatchOutcome(TodoBatchResult? Result, ProblemHttpResult? Problem);

/// <summary>
/// <c>POST /api/v1/todos/batch</c>: up to <see cref="MaxItems"/> upserts in one request and, normally,
/// one save; a bad item is reported and the others go ahead. Assignees and existing to-dos are loaded
/// for the whole batch at once. If the save loses a race with a concurrent request, the items are
/// applied one by one instead.
/// </summary>
public sealed class UpsertTodoBatch(IDbContextFactory<PortalDb> dbFactory, UpsertTodo one, TimeProvider time)
{
    public const int MaxItems = 1000;

    private const int Chunk = 500;

    public async Task<BatchOutcome> RunAsync(Guid clientId, byte[] body, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        using var document = JsonBody.ParseObject(body, errors);
        if (document is null)
        {
            return new BatchOutcome(null, errors.ToProblem());
        }

        if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            errors.Add("items", "required", "items must be an array of to-dos, each with its externalId.");
            return new BatchOutcome(null, errors.ToProblem());
        }

        if (items.GetArrayLength() is 0 or > MaxItems)
        {
            errors.Add("items", "too-many", $"items must list 1 to {MaxItems} to-dos.");
            return new BatchOutcome(null, errors.ToProblem());
        }

        var results = new TodoBatchItemResult[items.GetArrayLength()];
        var valid = Read(items, results, time.GetUtcNow().UtcDateTime);
        await ApplyAsync(clientId, valid, results, cancellationToken);
        return new BatchOutcome(new TodoBatchResult(results), null);
    }

    private static List<(int Index, TodoItem Item)> Read(JsonElement items, TodoBatchItemResult[] results, DateTime now)
    {
        var valid = new List<(int, TodoItem)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in items.EnumerateArray())
        {
            var errors = new RequestErrors();
            string? externalId = null;
            TodoRequest? request = null;
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$", "wrong-type", "Each item must be a JSON object.");
            }
            else
            {
                externalId = new JsonFields(element, "", errors).Text("externalId", required: true);
                if (externalId is not null)
                {
                    TodoExternalId.Check(externalId, "externalId", errors);
                    if (!errors.Any && !seen.Add(externalId))
                    {
                        errors.Add("externalId", "duplicate-external-id", "The batch lists this externalId twice; only its first item is applied.");
                    }
                }

                request = TodoRequestReader.Read(element, "", now, errors);
            }

            if (errors.Any || request is null || externalId is null)
            {
                results[index] = Invalid(externalId, errors);
            }
            else
            {
                valid.Add((index, new TodoItem(externalId, request, TodoRequestReader.Hash(request))));
            }

            index++;
        }

        return valid;
    }

    private async Task ApplyAsync(Guid clientId, List<(int Index, TodoItem Item)> valid, TodoBatchItemResult[] results, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = new Dictionary<string, Todo>(StringComparer.Ordinal);
        foreach (var ids in valid.Select(v => v.Item.ExternalId).Chunk(Chunk))
        {
            foreach (var todo in await db.Todos.Include(t => t.Assignees).Where(t => t.ClientId == clientId && ids.Contains(t.ExternalId)).ToListAsync(cancellationToken))
            {
                existing[todo.ExternalId] = todo;
            }
        }

        var people = await TodoAssignees.LoadAsync(db, valid.Where(v => existing.GetValueOrDefault(v.Item.ExternalId)?.RequestHash != v.Item.Hash).SelectMany(v => v.Item.Request.Assignees), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var applied = new List<(int Index, TodoItem Item)>();
        var closing = new List<(int Index, TodoItem Item)>();
        foreach (var (index, item) in valid)
        {
            var todo = existing.GetValueOrDefault(item.ExternalId);
            if (todo is { Status: TodoStatus.Pending } && item.Request.Status != TodoStatus.Pending && todo.RequestHash != item.Hash)
            {
                // Closing races an assignee's decision; the single upsert takes the row while still pending.
                closing.Add((index, item));
                continue;
            }

            var errors = new RequestErrors();
            var resolved = todo?.RequestHash == item.Hash ? [] : people.Resolve(item.Request.Assignees, "", errors);
            if (resolved is null)
            {
                results[index] = Invalid(item.ExternalId, errors);
                continue;
            }

            var status = TodoChanges.Apply(db, clientId, todo, item, resolved, now, out var result);
            results[index] = new TodoBatchItemResult(item.ExternalId, status, result.Id, status == StatusCodes.Status409Conflict ? Closed(result) : null);
            applied.Add((index, item));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (TodoChanges.IsUniqueViolation(exception))
        {
            await OneByOneAsync(clientId, applied, results, cancellationToken);
        }

        await OneByOneAsync(clientId, closing, results, cancellationToken);
    }

    private async Task OneByOneAsync(Guid clientId, List<(int Index, TodoItem Item)> items, TodoBatchItemResult[] results, CancellationToken cancellationToken)
    {
        foreach (var (index, item) in items)
        {
            var outcome = await one.RunAsync(clientId, item, cancellationToken);
            results[index] = new TodoBatchItemResult(item.ExternalId, outcome.Status, outcome.Todo?.Id, outcome.Status switch
            {
                StatusCodes.Status409Conflict => [new("status", "todo-closed", "The to-do was closed meanwhile and cannot be reopened.")],
                StatusCodes.Status400BadRequest => [new("$", "retry-failed", "The item could not be applied; send it again.")],
                _ => null,
            });
        }
    }

    private static TodoItemError[] Closed(Todo todo) =>
        [new("status", "todo-closed", $"The to-do is {TodoView.StatusOf(todo.Status)} and cannot be reopened.")];

    private static TodoBatchItemResult Invalid(string? externalId, RequestErrors errors) =>
        new(externalId, StatusCodes.Status400BadRequest, null, errors.Items.Select(e => new TodoItemError(e.Path, e.Code, e.Message)).ToList());
}
