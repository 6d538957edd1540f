using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>
/// The control API's view of what people received: a person's work notifications (and opening
/// one, as reading it on the phone does), to-dos and DINGs. Unknown people are a 404 problem.
/// </summary>
internal static class ControlInboxEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/users/{userId}/messages", (string userId, SimulatedInboxes inboxes) => Found(inboxes.Messages(userId), userId));
        control.MapPost("/users/{userId}/messages/{messageId:long}/read", MarkRead);
        control.MapGet("/users/{userId}/todos", (string userId, SimulatedInboxes inboxes) => Found(inboxes.Todos(userId), userId));
        control.MapGet("/users/{userId}/dings", (string userId, SimulatedInboxes inboxes) => Found(inboxes.Dings(userId), userId));
    }

    private static Results<Ok<SimulatedMessage>, ProblemHttpResult> MarkRead(string userId, long messageId, SimulatedInboxes inboxes)
    {
        if (inboxes.Messages(userId) is null)
        {
            return UnknownPerson(userId);
        }

        return inboxes.MarkRead(userId, messageId) is { } message
            ? TypedResults.Ok(message)
            : ControlEndpoints.Problem(StatusCodes.Status404NotFound, "messageNotFound", $"{userId} has no message {messageId}.");
    }

    private static Results<Ok<IReadOnlyList<T>>, ProblemHttpResult> Found<T>(IReadOnlyList<T>? items, string userId) =>
        items is null ? UnknownPerson(userId) : TypedResults.Ok(items);

    private static ProblemHttpResult UnknownPerson(string userId) =>
        ControlEndpoints.Problem(StatusCodes.Status404NotFound, "userNotFound", $"No person with userId '{userId}'.");
}
