using Microsoft.Extensions.Options;
using Portal.DingTalk.Simulator.Events;
using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator;

/// <summary>What every simulated endpoint works with: the state, credentials, faults, clock and the app it answers to.</summary>
internal sealed class SimulatorRuntime(
    SimulatorState state,
    SimulatorCredentials credentials,
    SimulatorFaults faults,
    CallLimiter limiter,
    SimulatorStats stats,
    MonthlyQuota quota,
    SimulatorEvents events,
    TimeProvider time,
    IOptionsMonitor<DingTalkOptions> app,
    IOptions<SimulatorOptions> options)
{
    public SimulatorState State { get; } = state;

    public SimulatorCredentials Credentials { get; } = credentials;

    public SimulatorFaults Faults { get; } = faults;

    public CallLimiter Limiter { get; } = limiter;

    public SimulatorStats Stats { get; } = stats;

    public MonthlyQuota Quota { get; } = quota;

    /// <summary>Org events on their way to the app, and the callbacks that could not be delivered.</summary>
    public SimulatorEvents Events { get; } = events;

    public TimeProvider Time { get; } = time;

    /// <summary>The one app the simulated organisation has installed: the portal's configured (or default) credentials.</summary>
    public DingTalkOptions App => app.CurrentValue;

    public DateTimeOffset Now => Time.GetUtcNow();

    public bool IsAppCredential(string? appKey, string? appSecret) =>
        string.Equals(appKey, App.AppKey, StringComparison.Ordinal) && string.Equals(appSecret, App.AppSecret, StringComparison.Ordinal);

    /// <summary>A fresh start: a regenerated organisation with empty inboxes, no tokens or codes, no faults, no statistics, an unused quota, no failed callbacks.</summary>
    public void Reset(int? seed, int? people)
    {
        State.Regenerate(seed ?? options.Value.Seed, people ?? options.Value.People);
        Credentials.Clear();
        Faults.Clear();
        Limiter.Clear();
        Stats.Clear();
        Quota.Clear();
        Events.Clear();
    }
}
