using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Inbox;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>To-do v1.0 (reference §6) on the api host: create, update, executor status, delete and the two reads. All count toward the monthly quota.</summary>
internal static class TodoEndpoints
{
    public const string UserPath = "/v1.0/todo/users/{unionId}";

    private const string Tasks = UserPath + "/tasks";
    private const int MaxSubjectLength = 1024;
    private const int MaxDescriptionLength = 4096;
    private const int MaxDetailUrlBytes = 1024;
    private const int MaxPeopleOnCreate = 100;
    private const int MaxPeopleOnUpdate = 1000;
    private static readonly long[] Priorities = [10, 20, 30, 40];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapApi(HttpMethods.Post, Tasks, Caller.App, needsBody: true, QuotaGate.Counted(Create));
        api.MapApi(HttpMethods.Put, Tasks + "/{taskId}", Caller.App, needsBody: true, QuotaGate.Counted(Update));
        api.MapApi(HttpMethods.Put, Tasks + "/{taskId}/executorStatus", Caller.App, needsBody: true, QuotaGate.Counted(UpdateExecutorStatus));
        api.MapApi(HttpMethods.Delete, Tasks + "/{taskId}", Caller.App, needsBody: false, QuotaGate.Counted(Delete));
        api.MapApi(HttpMethods.Get, Tasks + "/{taskId}", Caller.App, needsBody: false, QuotaGate.Counted(Get));
        api.MapApi(HttpMethods.Get, Tasks + "/sources/{sourceId}", Caller.App, needsBody: false, QuotaGate.Counted(GetBySource));
    }

    private static ApiReply Create(ApiCall call)
    {
        var request = new TodoRequest(call, "todo.taskCreate");
        var subject = request.Text("subject");
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw request.Error("subject is required");
        }

        var executors = request.Strings("executorIds") ?? [];
        var participants = request.Strings("participantIds") ?? [];
        CheckTexts(request, subject, request.Text("description"));
        CheckPeople(request, executors, participants, MaxPeopleOnCreate);
        var (appUrl, pcUrl) = DetailUrl(request);
        var todo = new SimTodo
        {
            Id = "task" + RandomIds.Ticket()[..20],
            AppKey = call.Caller,
            Subject = subject,
            Description = request.Text("description"),
            SourceId = request.Text("sourceId"),
            CreatorId = request.Text("creatorId") ?? request.UnionId,
            DueTime = DueTime(request),
            ExecutorIds = executors,
            ParticipantIds = participants,
            AppUrl = appUrl,
            PcUrl = pcUrl,
            Priority = Priority(request),
            IsOnlyShowExecutor = request.Flag("isOnlyShowExecutor"),
            TodoType = TodoType(request) ?? "TODO",
            ContentFieldList = request.Node<JsonArray>("contentFieldList"),
            NotifyConfigs = request.Node<JsonObject>("notifyConfigs"),
            CreatedTime = request.NowMilliseconds,
            ModifiedTime = request.NowMilliseconds,
            StartTime = request.NowMilliseconds,
        };
        var created = call.Simulator.State.Write((org, inboxes) =>
        {
            request.ExistingUser(org, request.UnionId);
            request.RequireUsers(org, [todo.CreatorId, .. executors, .. participants], "creatorId/executorIds/participantIds");
            if (todo.SourceId is { } sourceId && inboxes.TodoBySource(call.Caller, sourceId) is not null)
            {
                throw request.Error("task exist");
            }

            inboxes.Add(todo);
            return TodoJson.Task(todo);
        });
        created["requestId"] = RandomIds.ApiRequestId();
        return ApiReply.Ok(created);
    }

    private static ApiReply Update(ApiCall call)
    {
        var request = new TodoRequest(call, "todo.taskUpdate");
        var subject = request.Text("subject");
        if (subject is { Length: 0 })
        {
            throw request.Error("subject is invalid");
        }

        var description = request.Text("description");
        var executors = request.Strings("executorIds");
        var participants = request.Strings("participantIds");
        CheckTexts(request, subject, description);
        CheckPeople(request, executors ?? [], participants ?? [], MaxPeopleOnUpdate);
        var dueTime = DueTime(request);
        var done = request.Flag("done");
        var fields = request.Node<JsonArray>("contentFieldList");
        call.Simulator.State.Write((org, inboxes) =>
        {
            request.ExistingUser(org, request.UnionId);
            request.RequireUsers(org, [.. executors ?? [], .. participants ?? []], "executorIds/participantIds");
            var todo = request.ExistingTask(inboxes, call.Route("taskId"));
            todo.Subject = subject ?? todo.Subject;
            todo.Description = description ?? todo.Description;
            todo.DueTime = dueTime ?? todo.DueTime;
            todo.ExecutorIds = executors ?? todo.ExecutorIds;
            todo.ParticipantIds = participants ?? todo.ParticipantIds;
            todo.DoneExecutorIds.RemoveAll(id => !todo.ExecutorIds.Contains(id));
            todo.ContentFieldList = fields ?? todo.ContentFieldList;
            if (done is { } isDone && isDone != todo.Done)
            {
                todo.Done = isDone;
                todo.FinishTime = isDone ? request.NowMilliseconds : null;
            }

            Touch(todo, request);
            return todo;
        });
        return ApiReply.Ok(new JsonObject { ["result"] = true });
    }

    private static ApiReply UpdateExecutorStatus(ApiCall call)
    {
        var request = new TodoRequest(call, "todo.taskExecutorStatusUpdate");
        var statuses = request.Node<JsonArray>("executorStatusList") ?? throw request.Error("executorStatusList is required");
        var changes = statuses.Select(status => status is JsonObject entry
                && entry["id"] is JsonValue id && id.TryGetValue<string>(out var unionId)
                && entry["isDone"] is JsonValue flag && flag.TryGetValue<bool>(out var isDone)
            ? (UnionId: unionId, IsDone: isDone)
            : throw request.Error("executorStatusList is invalid")).ToList();
        if (changes.Count == 0)
        {
            throw request.Error("executorStatusList is required");
        }

        call.Simulator.State.Write((org, inboxes) =>
        {
            request.ExistingUser(org, request.UnionId);
            var todo = request.ExistingTask(inboxes, call.Route("taskId"));
            if (changes.FirstOrDefault(change => !todo.ExecutorIds.Contains(change.UnionId)) is { UnionId: { } stranger })
            {
                throw request.Error($"{stranger} is not an executor of the task");
            }

            foreach (var (unionId, isDone) in changes)
            {
                todo.DoneExecutorIds.Remove(unionId);
                if (isDone)
                {
                    todo.DoneExecutorIds.Add(unionId);
                }
            }

            Touch(todo, request);
            return todo;
        });
        return ApiReply.Ok(new JsonObject { ["result"] = true });
    }

    private static ApiReply Delete(ApiCall call)
    {
        var request = new TodoRequest(call, "todo.taskDelete");
        call.Simulator.State.Write((org, inboxes) =>
        {
            request.ExistingUser(org, request.UnionId);
            var todo = request.ExistingTask(inboxes, call.Route("taskId"));
            inboxes.Remove(todo);
            return todo;
        });
        return ApiReply.Ok(new JsonObject { ["result"] = true, ["requestId"] = RandomIds.ApiRequestId() });
    }

    private static ApiReply Get(ApiCall call)
    {
        var request = new TodoRequest(call, "todo.taskGet");
        return ApiReply.Ok(call.Simulator.State.Read((org, inboxes) =>
        {
            request.ExistingUser(org, request.UnionId);
            return TodoJson.Task(request.ExistingTask(inboxes, call.Route("taskId")));
        }));
    }

    private static ApiReply GetBySource(ApiCall call)
    {
        var request = new TodoRequest(call, "todo.taskGetBySourceId");
        return ApiReply.Ok(call.Simulator.State.Read((org, inboxes) =>
        {
            request.ExistingUser(org, request.UnionId);
            var todo = inboxes.TodoBySource(call.Caller, call.Route("sourceId")) ?? throw request.Error("task not exist");
            return TodoJson.Task(todo);
        }));
    }

    private static void Touch(SimTodo todo, TodoRequest request)
    {
        todo.ModifiedTime = request.NowMilliseconds;
        todo.ModifierId = request.OperatorId;
    }

    private static void CheckTexts(TodoRequest request, string? subject, string? description)
    {
        if (!request.EnforceLimits)
        {
            return;
        }

        if (subject is { Length: > MaxSubjectLength })
        {
            throw request.Error("subject is oversize");
        }

        if (description is { Length: > MaxDescriptionLength })
        {
            throw request.Error("description is oversize");
        }
    }

    private static void CheckPeople(TodoRequest request, List<string> executors, List<string> participants, int max)
    {
        if (request.EnforceLimits && executors.Count > max)
        {
            throw request.Error("executors is oversize");
        }

        if (request.EnforceLimits && participants.Count > max)
        {
            throw request.Error("participants is oversize");
        }
    }

    /// <summary>Required since 2024-02-01 for organisation to-dos: at least one of the two links.</summary>
    private static (string? AppUrl, string? PcUrl) DetailUrl(TodoRequest request)
    {
        var detail = request.Node<JsonObject>("detailUrl");
        string? Link(string name) => detail?[name] is JsonValue value && value.TryGetValue<string>(out var url) && url.Length > 0 ? url : null;
        var (appUrl, pcUrl) = (Link("appUrl"), Link("pcUrl"));
        if (appUrl is null && pcUrl is null)
        {
            throw request.Error("detailUrl is required");
        }

        if (request.EnforceLimits && new[] { appUrl, pcUrl }.Any(url => url is not null && Encoding.UTF8.GetByteCount(url) > MaxDetailUrlBytes))
        {
            throw request.Error("detailUrl is oversize");
        }

        return (appUrl, pcUrl);
    }

    private static long? DueTime(TodoRequest request) => request.Number("dueTime") switch
    {
        <= 0 => throw request.Error("dueTime is invalid"),
        var due => due,
    };

    private static int? Priority(TodoRequest request) => request.Number("priority") switch
    {
        null => null,
        { } value when Priorities.Contains(value) => (int)value,
        _ => throw request.Error("priority is invalid"),
    };

    private static string? TodoType(TodoRequest request) => request.Text("todoType") switch
    {
        var type when type is null or "TODO" or "READ" => type,
        _ => throw request.Error("todoType is invalid"),
    };
}
