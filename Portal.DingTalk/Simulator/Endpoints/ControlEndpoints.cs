using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator.Endpoints;

internal sealed record ControlUser(string UserId, string UnionId, string Name, string Mobile, long[] DeptIdList, string? Title, bool Active);

internal sealed record AuthCodeRequest(string? UserId, string? Kind);

internal sealed record AuthCodeIssued(string Code);

internal sealed record StatsView(long TotalCalls, long TotalErrors, IReadOnlyList<EndpointStats> Endpoints);

internal sealed record ResetRequest(int? Seed, int? People);

/// <summary>
/// The simulator's own JSON API for tests and developers: the people to sign in as, sign-in codes,
/// call statistics, fault switches and a reset. Mapped only in Simulator mode.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/users", Users);
        control.MapPost("/authcodes", IssueAuthCode);
        control.MapGet("/stats", Stats);
        control.MapGet("/faults", (SimulatorRuntime simulator) => TypedResults.Ok(FaultSwitches.View(simulator.Faults.Current)));
        control.MapPost("/faults", FaultSwitches.Apply);
        control.MapPost("/reset", Reset);
    }

    private static Ok<ControlUser[]> Users(int? take, SimulatorRuntime simulator) =>
        TypedResults.Ok(simulator.State.Read(org => org.Users
            .Take(take is > 0 ? take.Value : int.MaxValue)
            .Select(u => new ControlUser(u.UserId, u.UnionId, u.Name, u.Mobile, [.. u.DeptIds], u.Title, u.Active))
            .ToArray()));

    private static Results<Ok<AuthCodeIssued>, ProblemHttpResult> IssueAuthCode(AuthCodeRequest request, SimulatorRuntime simulator)
    {
        AuthCodeKind? kind = request.Kind?.ToUpperInvariant() switch
        {
            null or "SSO" => AuthCodeKind.Sso,
            "OAUTH" => AuthCodeKind.OAuth,
            _ => null,
        };
        if (kind is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalidKind", "kind must be 'sso' (getuserinfo) or 'oauth' (userAccessToken).");
        }

        var userId = request.UserId ?? "";
        if (simulator.State.Read(org => org.User(userId)) is null)
        {
            return Problem(StatusCodes.Status404NotFound, "userNotFound", $"No person with userId '{userId}'.");
        }

        return TypedResults.Ok(new AuthCodeIssued(simulator.Credentials.IssueAuthCode(userId, kind.Value)));
    }

    private static Ok<StatsView> Stats(SimulatorRuntime simulator)
    {
        var endpoints = simulator.Stats.Snapshot();
        return TypedResults.Ok(new StatsView(endpoints.Sum(e => e.Calls), endpoints.Sum(e => e.Errors), endpoints));
    }

    private static Results<NoContent, ProblemHttpResult> Reset(ResetRequest? request, SimulatorRuntime simulator)
    {
        if (request?.People is < 1 or > SimulatorOptions.MaxPeople)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalidPeople", $"people must be between 1 and {SimulatorOptions.MaxPeople}.");
        }

        simulator.Reset(request?.Seed, request?.People);
        return TypedResults.NoContent();
    }

    public static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
