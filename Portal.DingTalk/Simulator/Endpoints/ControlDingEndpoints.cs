using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Inbox;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <param name="AlertType">As <c>biz.ding.create</c> takes it: 0 phone call, 1 SMS, 2 in-app (the default).</param>
internal sealed record ComposedDing(string? SenderUserId, string[]? Users, string? Text, int? AlertType, JsonObject? Attachment);

internal sealed record ComposedDingSent(string OpenDingId, string[] Delivered, string[] Unknown);

/// <summary>
/// A DING a person sent from DingTalk's composer (<c>biz.ding.create</c>), as the simulated client
/// (the development JSAPI shim) reports it: delivered to each receiver's simulated phone.
/// </summary>
internal static class ControlDingEndpoints
{
    public static void Map(IEndpointRouteBuilder control) => control.MapPost("/dings", Send);

    private static Results<Ok<ComposedDingSent>, ProblemHttpResult> Send(ComposedDing request, SimulatorRuntime simulator)
    {
        var users = (request.Users ?? []).Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToArray();
        if (users.Length == 0)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "usersRequired", "users must name at least one receiver.");
        }

        var remindType = request.AlertType switch
        {
            0 => 3,
            1 => 2,
            _ => 1,
        };
        var text = string.IsNullOrWhiteSpace(request.Text) ? (Field(request.Attachment, "title") ?? "DING") : request.Text;
        if (Field(request.Attachment, "url") is { Length: > 0 } url)
        {
            text += " " + url;
        }

        var openDingId = RandomIds.Token();
        var now = simulator.Now;
        var sender = request.SenderUserId ?? "";
        var outcome = simulator.State.Write((org, inboxes) =>
        {
            if (org.User(sender) is not { Active: true })
            {
                return null;
            }

            var unknown = users.Where(userId => org.User(userId) is not { Active: true }).ToArray();
            var delivered = users.Except(unknown).ToArray();
            foreach (var userId in delivered)
            {
                inboxes.Deliver(userId, new InboxDing { OpenDingId = openDingId, RobotCode = "", RemindType = remindType, Content = text, SentAt = now });
            }

            return new ComposedDingSent(openDingId, delivered, unknown);
        });
        return outcome is null
            ? ControlEndpoints.Problem(StatusCodes.Status404NotFound, "userNotFound", $"No active person with userId '{sender}' to send the DING.")
            : TypedResults.Ok(outcome);
    }

    private static string? Field(JsonObject? attachment, string name) =>
        attachment?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
