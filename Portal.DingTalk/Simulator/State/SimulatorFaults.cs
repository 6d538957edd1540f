using Microsoft.Extensions.Options;

namespace Portal.DingTalk.Simulator.State;

internal enum OutageKind
{
    None,

    /// <summary>Every call answers HTTP 503.</summary>
    Unavailable,

    /// <summary>Every connection is dropped without an answer.</summary>
    ConnectionReset,
}

/// <summary>The switches a test or developer flips through the control API.</summary>
internal sealed record FaultSettings(
    double ErrorRate,
    int LatencyMilliseconds,
    DateTimeOffset? RateLimitStormUntil,
    OutageKind Outage,
    bool EnforceLimits,
    int QpsPerApi,
    bool DropRepeatedMessages,
    int DailyMessagesPerUser,
    int MonthlyCallQuota);

/// <summary>Current fault and limit settings; starts from <see cref="SimulatorOptions"/> and returns there on <see cref="Clear"/>.</summary>
internal sealed class SimulatorFaults(IOptions<SimulatorOptions> options)
{
    private FaultSettings current = Defaults(options.Value);

    public FaultSettings Current => Volatile.Read(ref current);

    public FaultSettings Update(Func<FaultSettings, FaultSettings> change)
    {
        FaultSettings before, after;
        do
        {
            before = Current;
            after = change(before);
        }
        while (Interlocked.CompareExchange(ref current, after, before) != before);

        return after;
    }

    public void Clear() => Volatile.Write(ref current, Defaults(options.Value));

    private static FaultSettings Defaults(SimulatorOptions settings) =>
        new(0, 0, null, OutageKind.None, settings.EnforceLimits, settings.QpsPerApi,
            settings.DropRepeatedMessages, settings.DailyMessagesPerUser, settings.MonthlyCallQuota);
}
