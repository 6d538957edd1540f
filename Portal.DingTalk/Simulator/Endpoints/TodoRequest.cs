using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Inbox;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>
/// A to-do call's body and path read the way DingTalk refuses them: every problem is HTTP 400
/// <c>todo.&lt;operation&gt;.paramError</c> with a short English message (reference §6).
/// </summary>
internal sealed class TodoRequest(ApiCall call, string operation)
{
    public ApiCall Call { get; } = call;

    public string UnionId => Call.Route("unionId");

    /// <summary>Who acts: the <c>operatorId</c> query parameter, else the path's user.</summary>
    public string OperatorId => Call.Http.Request.Query["operatorId"].ToString() is { Length: > 0 } operatorId ? operatorId : UnionId;

    public long NowMilliseconds => Call.Simulator.Now.ToUnixTimeMilliseconds();

    public bool EnforceLimits => Call.Simulator.Faults.Current.EnforceLimits;

    public SimulatedError Error(string message) => new(StatusCodes.Status400BadRequest, operation + ".paramError", message);

    public string? Text(string name) => Call.Body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw Error($"{name} is invalid"),
    };

    public long? Number(string name) => Call.Body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Error($"{name} is invalid"),
    };

    public bool? Flag(string name) => Call.Body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw Error($"{name} is invalid"),
    };

    public List<string>? Strings(string name) => Call.Body[name] switch
    {
        null => null,
        JsonArray items => [.. items.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Error($"{name} is invalid")).Distinct(StringComparer.Ordinal)],
        _ => throw Error($"{name} is invalid"),
    };

    public T? Node<T>(string name)
        where T : JsonNode => Call.Body[name] switch
        {
            null => null,
            T node => (T)node.DeepClone(),
            _ => throw Error($"{name} is invalid"),
        };

    public SimUser ExistingUser(Organisation org, string unionId) =>
        org.UserByUnionId(unionId) ?? throw Error($"unionId {unionId} is invalid");

    public void RequireUsers(Organisation org, IEnumerable<string> unionIds, string field)
    {
        foreach (var unionId in unionIds)
        {
            if (org.UserByUnionId(unionId) is null)
            {
                throw Error($"{field} contains an invalid unionId: {unionId}");
            }
        }
    }

    /// <summary>The task, if it exists and belongs to the calling app.</summary>
    public SimTodo ExistingTask(Inboxes inboxes, string taskId)
    {
        var todo = inboxes.Todo(taskId) ?? throw Error("task not exist");
        return todo.AppKey == Call.Caller ? todo : throw Error("task not belong to bizTag");
    }
}
