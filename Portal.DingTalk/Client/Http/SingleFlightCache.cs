using System.Collections.Concurrent;

namespace Portal.DingTalk.Client.Http;

/// <summary>
/// Caches one value per key until its refresh time; when it is due, however many callers arrive,
/// exactly one fetch runs and every caller awaits that same fetch.
/// </summary>
internal sealed class SingleFlightCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(string key, Func<Task<Fetched>> fetch, CancellationToken cancellationToken)
    {
        var entry = entries.GetOrAdd(key, _ => new Entry());
        Task<Fetched> flight;
        lock (entry)
        {
            if (entry.Current is { } current && current.RefreshAt > time.GetUtcNow())
            {
                return current.Value;
            }

            // Task.Run keeps the fetch from completing inside this lock, so InFlight is set before it is cleared.
            flight = entry.InFlight ??= Task.Run(() => FetchAndStoreAsync(entry, fetch), CancellationToken.None);
        }

        // The fetch belongs to all waiters: one caller giving up does not cancel it for the others.
        return (await flight.WaitAsync(cancellationToken)).Value;
    }

    /// <summary>Forgets the value if it is still the one DingTalk refused; a newer one stays.</summary>
    public void Invalidate(string key, string value)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            lock (entry)
            {
                if (entry.Current?.Value == value)
                {
                    entry.Current = null;
                }
            }
        }
    }

    private static async Task<Fetched> FetchAndStoreAsync(Entry entry, Func<Task<Fetched>> fetch)
    {
        try
        {
            var fetched = await fetch();
            lock (entry)
            {
                entry.Current = fetched;
                entry.InFlight = null;
            }

            return fetched;
        }
        catch
        {
            lock (entry)
            {
                entry.InFlight = null;
            }

            throw;
        }
    }

    internal sealed record Fetched(string Value, DateTimeOffset RefreshAt)
    {
        public override string ToString() => $"Fetched(refresh at {RefreshAt:O})";
    }

    private sealed class Entry
    {
        public Fetched? Current { get; set; }

        public Task<Fetched>? InFlight { get; set; }
    }
}
