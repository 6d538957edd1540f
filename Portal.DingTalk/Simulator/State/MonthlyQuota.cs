using Portal.DingTalk.Simulator.Inbox;

namespace Portal.DingTalk.Simulator.State;

/// <summary>
/// The organisation's monthly allowance of non-exempt calls (work notifications, to-dos, DINGs),
/// counted per China calendar month. In memory only, like tokens: a restart starts the month afresh.
/// </summary>
internal sealed class MonthlyQuota(TimeProvider time)
{
    private readonly Lock gate = new();
    private int month;
    private int used;

    /// <summary>Counts the call if the month has room; a refused call does not count. A limit of 0 means no quota.</summary>
    public bool TryCharge(int limit)
    {
        lock (gate)
        {
            var current = ChinaTime.Month(time.GetUtcNow());
            if (current != month)
            {
                month = current;
                used = 0;
            }

            if (limit > 0 && used >= limit)
            {
                return false;
            }

            used++;
            return true;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            month = 0;
            used = 0;
        }
    }
}
