namespace Portal.DingTalk.Simulator.State;

/// <summary>DingTalk's per-app per-API QPS limit as a sliding one-second window on the simulator's clock.</summary>
internal sealed class CallLimiter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<(string App, string Api), Queue<DateTimeOffset>> calls = [];

    /// <summary>Counts the call if it is within the limit; a refused call does not count.</summary>
    public bool TryAcquire(string app, string api, int limit)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!calls.TryGetValue((app, api), out var recent))
            {
                recent = new Queue<DateTimeOffset>();
                calls[(app, api)] = recent;
            }

            while (recent.Count > 0 && now - recent.Peek() >= Window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= limit)
            {
                return false;
            }

            recent.Enqueue(now);
            return true;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            calls.Clear();
        }
    }
}
