using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also shows the test the timers set on it (Polly's retry
/// delays, the client's pacing waits), so a test can wait for one to be set and step to the next.
/// </summary>
public sealed class RecordingFakeTimeProvider : FakeTimeProvider
{
    private readonly Lock gate = new();
    private readonly List<RecordedTimer> timers = [];
    private readonly SemaphoreSlim timerCreated = new(0);

    public RecordingFakeTimeProvider()
        : base(TestTime.Start)
    {
    }

    /// <summary>Due times of every timer created so far, relative to its creation.</summary>
    public IReadOnlyList<TimeSpan> CreatedTimers
    {
        get
        {
            lock (gate)
            {
                return timers.Select(t => t.FirstDueTime).ToList();
            }
        }
    }

    /// <summary>Timers that will fire when the clock reaches them.</summary>
    public int PendingTimers
    {
        get
        {
            lock (gate)
            {
                return timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>How far the clock has been advanced.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordedTimer(this, dueTime);
        lock (gate)
        {
            timers.Add(timer);
            timer.Schedule(GetUtcNow(), dueTime, period);
        }

        timer.Inner = base.CreateTimer(
            value =>
            {
                Fired(timer);
                callback(value);
            },
            state,
            dueTime,
            period);
        timerCreated.Release();
        return timer;
    }

    /// <summary>Waits (in real time, bounded) until <paramref name="count"/> more timers have been created.</summary>
    public async Task WaitForTimersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await timerCreated.WaitAsync(TimeSpan.FromSeconds(10)), "expected a timer to be created");
        }
    }

    /// <summary>Moves the clock to the earliest pending timer, which fires it.</summary>
    public void AdvanceToNextTimer()
    {
        DateTimeOffset? next;
        lock (gate)
        {
            next = timers.Where(t => t.DueAt is not null).Min(t => t.DueAt);
        }

        Assert.True(next is not null, "no timer is pending");
        Advance(next.Value - GetUtcNow());
    }

    private void Fired(RecordedTimer timer)
    {
        lock (gate)
        {
            timer.Fired();
        }
    }

    private void Reschedule(RecordedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timer.Schedule(GetUtcNow(), dueTime, period);
        }
    }

    private sealed class RecordedTimer(RecordingFakeTimeProvider owner, TimeSpan firstDueTime) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public TimeSpan FirstDueTime { get; } = firstDueTime;

        public DateTimeOffset? DueAt { get; private set; }

        public void Schedule(DateTimeOffset now, TimeSpan dueTime, TimeSpan newPeriod)
        {
            period = newPeriod;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
        }

        public void Fired() => DueAt = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : DueAt + period;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Reschedule(this, dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.Reschedule(this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
