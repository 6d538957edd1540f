using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Events;
using Portal.DingTalk.Simulator.Events;

namespace Portal.DingTalk.Simulator.Endpoints;

internal sealed record EventRequest(string? EventType, string[]? UserIds, long[]? DeptIds);

internal sealed record EventQueued(string EventId);

/// <summary>
/// <c>/_dingtalk/_control/events</c>: push any org event as if the organisation had changed
/// (<c>POST</c>), and see how recent events were delivered (<c>GET</c>, newest first).
/// </summary>
internal static class ControlEventEndpoints
{
    private const int MaxIds = 100;

    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapPost("/events", Emit);
        control.MapGet("/events", (SimulatorRuntime simulator) => TypedResults.Ok(simulator.Events.Deliveries.Snapshot()));
    }

    private static Results<Accepted<EventQueued>, ProblemHttpResult> Emit(EventRequest request, SimulatorRuntime simulator)
    {
        var eventType = request.EventType?.Trim();
        if (OrgEventTypes.ToKind(eventType) is OrgEventKind.Unknown or OrgEventKind.CheckUrl)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "invalidEventType", "eventType must be an org event such as 'user_add_org' or 'org_dept_create'.");
        }

        if (request.UserIds?.Length > MaxIds || request.DeptIds?.Length > MaxIds || request.UserIds?.Any(string.IsNullOrWhiteSpace) == true)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "invalidIds", $"userIds and deptIds take at most {MaxIds} non-empty ids each.");
        }

        var queued = simulator.Events.Emit(OrgEventTypes.ToType(OrgEventTypes.ToKind(eventType))!, request.UserIds, request.DeptIds);
        return TypedResults.Accepted((string?)null, new EventQueued(queued.EventId));
    }
}
