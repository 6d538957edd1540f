using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Web.Features.Todos;

namespace Portal.Web.Features.Integration.Todos;

/// <summary>A checked to-do from a caller: its external id, the request and the request's hash.</summary>
public sealed record TodoItem(string ExternalId, TodoRequest Request, string Hash);

/// <summary>
/// Applies one upsert to a tracked to-do (or creates it) and queues what the change owes DingTalk:
/// a notification per new assignee and a mirror update per real change. Saving is the caller's.
/// </summary>
public static class TodoChanges
{
    /// <returns>201 created, 200 updated or unchanged, 409 when a closed to-do would be reopened.</returns>
    public static int Apply(PortalDb db, Guid clientId, Todo? todo, TodoItem item, IReadOnlyList<Guid> people, DateTime now, out Todo result)
    {
        var request = item.Request;
        if (todo is null)
        {
            result = new Todo { ClientId = clientId, ExternalId = item.ExternalId, Title = request.Title, CreatedAt = now, UpdatedAt = now, RequestHash = item.Hash };
            Fill(result, request);
            db.Todos.Add(result);
            foreach (var personId in people)
            {
                result.Assignees.Add(new TodoAssignee { TodoId = result.Id, PersonId = personId });
            }

            result.CloseAtSource(request.Status, now);
            if (result.Status == TodoStatus.Pending)
            {
                foreach (var personId in people)
                {
                    TodoOutbox.Assigned(db, result, personId, now);
                }
            }

            TodoOutbox.Mirror(db, result, now);
            return StatusCodes.Status201Created;
        }

        result = todo;
        if (todo.RequestHash == item.Hash)
        {
            return StatusCodes.Status200OK;
        }

        if (todo.Status != TodoStatus.Pending)
        {
            return request.Status == TodoStatus.Pending ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        }

        var changed = Fill(todo, request);
        changed |= Reassign(db, todo, people, now);
        if (request.Status != TodoStatus.Pending)
        {
            todo.CloseAtSource(request.Status, now);
            changed = true;
        }

        todo.RequestHash = item.Hash;
        if (changed)
        {
            todo.UpdatedAt = now;
            TodoOutbox.Mirror(db, todo, now);
        }

        return StatusCodes.Status200OK;
    }

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static bool Fill(Todo todo, TodoRequest request)
    {
        var formFields = TodoRequestReader.ToJson(request.FormFields);
        var actions = TodoRequestReader.ToJson(request.Actions);
        var changed = todo.Title != request.Title || todo.Description != request.Description || todo.DueAt != request.Due || todo.Priority != request.Priority
            || todo.DetailUrlMobile != request.DetailUrlMobile || todo.DetailUrlPc != request.DetailUrlPc || todo.FormFields != formFields || todo.Actions != actions;
        todo.Title = request.Title;
        todo.Description = request.Description;
        todo.DueAt = request.Due;
        todo.Priority = request.Priority;
        todo.DetailUrlMobile = request.DetailUrlMobile;
        todo.DetailUrlPc = request.DetailUrlPc;
        todo.FormFields = formFields;
        todo.Actions = actions;
        return changed;
    }

    private static bool Reassign(PortalDb db, Todo todo, IReadOnlyList<Guid> people, DateTime now)
    {
        var removed = todo.Assignees.Where(a => !people.Contains(a.PersonId)).ToList();
        foreach (var assignee in removed)
        {
            todo.Assignees.Remove(assignee);
            db.TodoAssignees.Remove(assignee);
        }

        var added = people.Where(id => todo.Assignees.All(a => a.PersonId != id)).ToList();
        foreach (var personId in added)
        {
            todo.Assignees.Add(new TodoAssignee { TodoId = todo.Id, PersonId = personId });
            TodoOutbox.Assigned(db, todo, personId, now);
        }

        return removed.Count > 0 || added.Count > 0;
    }
}
