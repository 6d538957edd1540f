using System.Threading.Channels;

namespace Portal.DingTalk.Simulator.Events;

/// <summary>A callback waiting for its next attempt (1 is the first).</summary>
internal sealed record ScheduledCallback(SimulatedOrgEvent Event, int Attempt, DateTimeOffset DueAt);

/// <summary>
/// The simulator's event pipeline state: events queued by the API calls that caused them (so a call
/// never waits for delivery), callbacks waiting to be retried, callbacks that failed for good, and a
/// log of recent deliveries. <see cref="OrgEventDispatcher"/> does the delivering.
/// </summary>
internal sealed class SimulatorEvents(TimeProvider time)
{
    private readonly Channel<SimulatedOrgEvent> queued = Channel.CreateUnbounded<SimulatedOrgEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock gate = new();
    private readonly List<ScheduledCallback> retries = [];
    private TaskCompletionSource retryScheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelReader<SimulatedOrgEvent> Queued => queued.Reader;

    /// <summary>Completes when the next retry is scheduled; take it before looking at <see cref="NextRetryAt"/>.</summary>
    public Task RetryScheduled => Volatile.Read(ref retryScheduled).Task;

    public FailedCallbackBook Failed { get; } = new();

    public EventDeliveryLog Deliveries { get; } = new();

    public SimulatedOrgEvent Emit(string eventType, IReadOnlyList<string>? userIds = null, IReadOnlyList<long>? deptIds = null)
    {
        var orgEvent = new SimulatedOrgEvent(Guid.NewGuid().ToString("N"), eventType, userIds ?? [], deptIds ?? [], time.GetUtcNow());
        Deliveries.Queued(orgEvent);
        queued.Writer.TryWrite(orgEvent);
        return orgEvent;
    }

    public void ScheduleRetry(ScheduledCallback retry)
    {
        lock (gate)
        {
            retries.Add(retry);
        }

        Interlocked.Exchange(ref retryScheduled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Removes and answers the retries due by now.</summary>
    public IReadOnlyList<ScheduledCallback> TakeDueRetries()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var due = retries.Where(retry => retry.DueAt <= now).ToList();
            retries.RemoveAll(due.Contains);
            return due;
        }
    }

    public DateTimeOffset? NextRetryAt()
    {
        lock (gate)
        {
            return retries.Count == 0 ? null : retries.Min(retry => retry.DueAt);
        }
    }

    /// <summary>Forgets retries, failures and the log; events already queued are still delivered.</summary>
    public void Clear()
    {
        lock (gate)
        {
            retries.Clear();
        }

        Failed.Clear();
        Deliveries.Clear();
    }
}
