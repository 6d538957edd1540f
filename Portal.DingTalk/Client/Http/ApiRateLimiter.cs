using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Portal.DingTalk.Client.Http;

/// <summary>
/// Client-side pacing per API: each call waits for its own slot, 1/QPS apart, so no one-second
/// window ever holds more than the configured QPS. A caller waits for its slot rather than failing.
/// </summary>
/// <remarks>
/// The token bucket of System.Threading.RateLimiting measures time with Stopwatch, not
/// <see cref="TimeProvider"/>, so tests could not drive it; slot spacing on the TimeProvider's
/// monotonic clock gives the same guarantee and a test can run a burst in virtual time.
/// </remarks>
internal sealed class ApiRateLimiter(IOptionsMonitor<DingTalkClientOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.OrdinalIgnoreCase);
    private readonly long origin = time.GetTimestamp();

    public Task WaitAsync(string api, CancellationToken cancellationToken)
    {
        var delay = Reserve(api);

        // Task.Delay truncates to whole milliseconds; rounding up keeps a call from starting before its slot.
        return delay > TimeSpan.Zero
            ? Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), time, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Takes the next free slot of the API and answers how long until it comes.</summary>
    public TimeSpan Reserve(string api)
    {
        var qps = options.CurrentValue.QpsFor(api);
        if (qps <= 0)
        {
            return TimeSpan.Zero;
        }

        // Rounded up: a spacing a tick too short would let qps + 1 calls into one second.
        var spacing = TimeSpan.FromTicks((TimeSpan.TicksPerSecond + qps - 1) / qps);
        var lane = lanes.GetOrAdd(api, _ => new Lane());
        lock (lane)
        {
            var now = time.GetElapsedTime(origin);
            var slot = lane.NextSlot > now ? lane.NextSlot : now;
            lane.NextSlot = slot + spacing;
            return slot - now;
        }
    }

    private sealed class Lane
    {
        public TimeSpan NextSlot { get; set; }
    }
}
