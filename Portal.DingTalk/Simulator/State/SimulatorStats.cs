using System.Collections.Concurrent;

namespace Portal.DingTalk.Simulator.State;

internal sealed record EndpointStats(string Endpoint, long Calls, long Errors);

/// <summary>Calls per endpoint and how many of them were answered with an error.</summary>
internal sealed class SimulatorStats
{
    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);

    public void Record(string endpoint, bool error)
    {
        var counter = counters.GetOrAdd(endpoint, _ => new Counter());
        Interlocked.Increment(ref counter.Calls);
        if (error)
        {
            Interlocked.Increment(ref counter.Errors);
        }
    }

    public IReadOnlyList<EndpointStats> Snapshot() =>
        [.. counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new EndpointStats(c.Key, Interlocked.Read(ref c.Value.Calls), Interlocked.Read(ref c.Value.Errors)))];

    public void Clear() => counters.Clear();

    private sealed class Counter
    {
        public long Calls;
        public long Errors;
    }
}
