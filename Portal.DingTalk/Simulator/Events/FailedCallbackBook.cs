namespace Portal.DingTalk.Simulator.Events;

/// <summary>A callback DingTalk gave up on, with the plaintext it tried to push.</summary>
internal sealed record UndeliveredCallback(SimulatedOrgEvent Event, string Payload);

/// <summary>
/// Callbacks that failed every attempt, for <c>get_call_back_failed_result</c>. In memory only, like
/// tokens: a restart forgets them. A page hands its entries over, so the next call gets the rest.
/// </summary>
internal sealed class FailedCallbackBook
{
    public const int PageSize = 200;

    // Enough for any development session; beyond it the oldest are dropped rather than growing without bound.
    private const int Capacity = 10_000;

    private readonly Lock gate = new();
    private readonly Queue<UndeliveredCallback> failed = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return failed.Count;
            }
        }
    }

    public void Add(UndeliveredCallback callback)
    {
        lock (gate)
        {
            if (failed.Count == Capacity)
            {
                failed.Dequeue();
            }

            failed.Enqueue(callback);
        }
    }

    /// <summary>The oldest failures, at most <see cref="PageSize"/>, and whether more remain.</summary>
    public (IReadOnlyList<UndeliveredCallback> Page, bool HasMore) TakePage()
    {
        lock (gate)
        {
            var page = new List<UndeliveredCallback>(Math.Min(PageSize, failed.Count));
            while (page.Count < PageSize && failed.TryDequeue(out var next))
            {
                page.Add(next);
            }

            return (page, failed.Count > 0);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            failed.Clear();
        }
    }
}
