using System.Text.Json.Nodes;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Inbox;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>To-dos in the camelCase shapes of reference §6, empty optionals left out.</summary>
internal static class TodoJson
{
    /// <summary>The app tag DingTalk reports for to-dos created by an enterprise-internal app.</summary>
    public const string BizTag = "corpTodo";

    public static JsonObject Task(SimTodo todo) => new JsonObject
        {
            ["id"] = todo.Id,
            ["subject"] = todo.Subject,
        }
        .Optional("description", todo.Description)
        .Optional("startTime", todo.StartTime)
        .Optional("dueTime", todo.DueTime)
        .Optional("finishTime", todo.FinishTime)
        .With("done", todo.Done)
        .With("executorIds", Strings(todo.ExecutorIds))
        .With("participantIds", Strings(todo.ParticipantIds))
        .With("detailUrl", DetailUrl(todo))
        .Optional("source", todo.AppKey)
        .Optional("sourceId", todo.SourceId)
        .With("createdTime", todo.CreatedTime)
        .With("modifiedTime", todo.ModifiedTime)
        .Optional("creatorId", todo.CreatorId)
        .Optional("modifierId", todo.ModifierId)
        .With("bizTag", BizTag)
        .With("isOnlyShowExecutor", todo.IsOnlyShowExecutor ?? false)
        .Optional("priority", todo.Priority)
        .With("todoType", todo.TodoType)
        .With("contentFieldList", todo.ContentFieldList?.DeepClone())
        .With("notifyConfigs", todo.NotifyConfigs?.DeepClone());

    /// <summary>One entry of <c>org/tasks/query</c>, as the given person sees it.</summary>
    public static JsonObject Card(SimTodo todo, string unionId) => new JsonObject
        {
            ["taskId"] = todo.Id,
            ["subject"] = todo.Subject,
        }
        .Optional("dueTime", todo.DueTime)
        .With("detailUrl", DetailUrl(todo))
        .Optional("priority", todo.Priority)
        .With("createdTime", todo.CreatedTime)
        .With("modifiedTime", todo.ModifiedTime)
        .Optional("creatorId", todo.CreatorId)
        .Optional("sourceId", todo.SourceId)
        .With("bizTag", BizTag)
        .With("isDone", todo.IsDoneFor(unionId))
        .With("todoType", todo.TodoType);

    private static JsonObject DetailUrl(SimTodo todo) =>
        new JsonObject().Optional("appUrl", todo.AppUrl).Optional("pcUrl", todo.PcUrl);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonObject With(this JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }

        return target;
    }
}
