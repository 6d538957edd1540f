using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Inbox;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>
/// <c>POST /v1.0/todo/users/{unionId}/org/tasks/query</c>: one page of a person's organisation
/// to-dos, newest first, filtered by done state, role and type; <c>nextToken</c> is null on the last page.
/// </summary>
internal static class TodoQueryEndpoint
{
    /// <summary>The documented sample's <c>nextToken</c> moves on by 15.</summary>
    public const int PageSize = 15;

    private static readonly TimeSpan DoneVisibleFor = TimeSpan.FromDays(180);
    private static readonly string[] Roles = ["executor", "creator", "participant"];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapApi(HttpMethods.Post, TodoEndpoints.UserPath + "/org/tasks/query", Caller.App, needsBody: false, QuotaGate.Counted(Query));

    private static ApiReply Query(ApiCall call)
    {
        var request = new TodoRequest(call, "todo.orgTaskQuery");
        var offset = Offset(request);
        var isDone = request.Flag("isDone");
        var todoType = request.Text("todoType");
        var roleGroups = RoleGroups(request);
        var doneSince = call.Simulator.Now.Add(-DoneVisibleFor).ToUnixTimeMilliseconds();
        var page = call.Simulator.State.Read((org, inboxes) =>
        {
            var unionId = request.ExistingUser(org, request.UnionId).UnionId;
            var matching = inboxes.TodosOf(unionId)
                .Where(t => roleGroups is null || roleGroups.Any(group => group.All(role => Holds(t, unionId, role))))
                .Where(t => todoType is null || t.TodoType == todoType)
                .Where(t => isDone is null || t.IsDoneFor(unionId) == isDone)
                .Where(t => !t.IsDoneFor(unionId) || t.FinishTime is null || t.FinishTime >= doneSince)
                .OrderByDescending(t => t.CreatedTime)
                .ThenBy(t => t.Id, StringComparer.Ordinal)
                .ToList();
            var cards = matching.Skip(offset).Take(PageSize).Select(t => (JsonNode)TodoJson.Card(t, unionId));
            var next = offset + PageSize < matching.Count ? (offset + PageSize).ToString(CultureInfo.InvariantCulture) : null;
            return new JsonObject { ["todoCards"] = new JsonArray([.. cards]), ["nextToken"] = next };
        });
        return ApiReply.Ok(page);
    }

    private static bool Holds(SimTodo todo, string unionId, string role) => role switch
    {
        "executor" => todo.ExecutorIds.Contains(unionId),
        "creator" => todo.CreatorId == unionId,
        _ => todo.ParticipantIds.Contains(unionId),
    };

    private static int Offset(TodoRequest request)
    {
        var token = request.Text("nextToken");
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : throw request.Error("nextToken is invalid");
    }

    /// <summary>Outer list OR, inner list AND; null means any role.</summary>
    private static List<List<string>>? RoleGroups(TodoRequest request)
    {
        var groups = request.Node<JsonArray>("roleTypes");
        if (groups is null || groups.Count == 0)
        {
            return null;
        }

        return [.. groups.Select(group => group is JsonArray roles
            ? roles.Select(role => role is JsonValue value && value.TryGetValue<string>(out var name) && Roles.Contains(name) ? name : throw request.Error("roleTypes is invalid")).ToList()
            : throw request.Error("roleTypes is invalid"))];
    }
}
