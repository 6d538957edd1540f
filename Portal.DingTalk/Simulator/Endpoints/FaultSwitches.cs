using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>A partial update of the switches: only the fields present change; <c>clear</c> first returns to the configured defaults.</summary>
internal sealed record FaultsRequest(
    bool? Clear,
    double? ErrorRate,
    int? LatencyMs,
    int? RateLimitStormSeconds,
    string? Outage,
    bool? ExpireTokens,
    bool? EnforceLimits,
    int? QpsPerApi,
    bool? DropRepeatedMessages,
    int? DailyMessagesPerUser,
    int? MonthlyCallQuota);

internal sealed record FaultsView(
    double ErrorRate,
    int LatencyMs,
    DateTimeOffset? RateLimitStormUntil,
    string Outage,
    bool EnforceLimits,
    int QpsPerApi,
    bool DropRepeatedMessages,
    int DailyMessagesPerUser,
    int MonthlyCallQuota);

/// <summary><c>POST /_dingtalk/_control/faults</c>: error rate, latency, token expiry, rate-limit storm, outage, limits and silent drops.</summary>
internal static class FaultSwitches
{
    private const int MaxLatencyMs = 60_000;

    public static FaultsView View(FaultSettings faults) => new(
        faults.ErrorRate,
        faults.LatencyMilliseconds,
        faults.RateLimitStormUntil,
        faults.Outage switch
        {
            OutageKind.Unavailable => "unavailable",
            OutageKind.ConnectionReset => "connectionReset",
            _ => "none",
        },
        faults.EnforceLimits,
        faults.QpsPerApi,
        faults.DropRepeatedMessages,
        faults.DailyMessagesPerUser,
        faults.MonthlyCallQuota);

    public static Results<Ok<FaultsView>, ProblemHttpResult> Apply(FaultsRequest request, SimulatorRuntime simulator)
    {
        if (Invalid(request) is { } problem)
        {
            return problem;
        }

        if (request.Clear == true)
        {
            simulator.Faults.Clear();
        }

        if (request.ExpireTokens == true)
        {
            simulator.Credentials.ExpireAll();
        }

        var now = simulator.Now;
        var updated = simulator.Faults.Update(current => current with
        {
            ErrorRate = request.ErrorRate ?? current.ErrorRate,
            LatencyMilliseconds = request.LatencyMs ?? current.LatencyMilliseconds,
            RateLimitStormUntil = request.RateLimitStormSeconds is { } seconds
                ? seconds > 0 ? now.AddSeconds(seconds) : null
                : current.RateLimitStormUntil,
            Outage = request.Outage is null ? current.Outage : ParseOutage(request.Outage)!.Value,
            EnforceLimits = request.EnforceLimits ?? current.EnforceLimits,
            QpsPerApi = request.QpsPerApi ?? current.QpsPerApi,
            DropRepeatedMessages = request.DropRepeatedMessages ?? current.DropRepeatedMessages,
            DailyMessagesPerUser = request.DailyMessagesPerUser ?? current.DailyMessagesPerUser,
            MonthlyCallQuota = request.MonthlyCallQuota ?? current.MonthlyCallQuota,
        });
        return TypedResults.Ok(View(updated));
    }

    private static ProblemHttpResult? Invalid(FaultsRequest request)
    {
        if (request.ErrorRate is < 0 or > 1)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "invalidErrorRate", "errorRate must be between 0 and 1.");
        }

        if (request.LatencyMs is < 0 or > MaxLatencyMs)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "invalidLatency", $"latencyMs must be between 0 and {MaxLatencyMs}.");
        }

        if (request.RateLimitStormSeconds is < 0)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "invalidStorm", "rateLimitStormSeconds must not be negative (0 ends a storm).");
        }

        if (request.Outage is not null && ParseOutage(request.Outage) is null)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "invalidOutage", "outage must be 'none', 'unavailable' or 'connectionReset'.");
        }

        if (request.DailyMessagesPerUser is < 0 || request.MonthlyCallQuota is < 0)
        {
            return ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "invalidCap", "dailyMessagesPerUser and monthlyCallQuota must not be negative (0 turns them off).");
        }

        return request.QpsPerApi is < 1
            ? ControlEndpoints.Problem(StatusCodes.Status400BadRequest, "invalidQps", "qpsPerApi must be at least 1.")
            : null;
    }

    private static OutageKind? ParseOutage(string outage) => outage.ToUpperInvariant() switch
    {
        "NONE" => OutageKind.None,
        "UNAVAILABLE" => OutageKind.Unavailable,
        "CONNECTIONRESET" => OutageKind.ConnectionReset,
        _ => null,
    };
}
