using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator.Http;

internal enum Refusal
{
    None,
    Throttled,
    SystemBusy,
}

/// <summary>The fault and limit switches, applied in the order a real gateway would meet them.</summary>
internal static class FaultGate
{
    /// <summary>Before anything is read: an outage answers nothing useful; added latency delays every call.</summary>
    public static async Task<OutageKind> EnterAsync(SimulatorRuntime simulator, CancellationToken cancellationToken)
    {
        var faults = simulator.Faults.Current;
        if (faults.Outage != OutageKind.None)
        {
            return faults.Outage;
        }

        if (faults.LatencyMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(faults.LatencyMilliseconds), simulator.Time, cancellationToken);
        }

        return OutageKind.None;
    }

    /// <summary>After the caller is known: a rate-limit storm, the per-app per-API QPS limit, then random system errors.</summary>
    public static Refusal Check(SimulatorRuntime simulator, string caller, string endpoint)
    {
        var faults = simulator.Faults.Current;
        if (faults.RateLimitStormUntil > simulator.Now)
        {
            return Refusal.Throttled;
        }

        if (faults.EnforceLimits && !simulator.Limiter.TryAcquire(caller, endpoint, faults.QpsPerApi))
        {
            return Refusal.Throttled;
        }

        return faults.ErrorRate > 0 && Random.Shared.NextDouble() < faults.ErrorRate ? Refusal.SystemBusy : Refusal.None;
    }
}
