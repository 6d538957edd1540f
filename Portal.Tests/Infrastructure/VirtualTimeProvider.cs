namespace Portal.Tests.Infrastructure;

/// <summary>
/// A clock with timers that only moves when the test says so: <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>,
/// Polly's retry delays and anything else on <see cref="TimeProvider"/> wait in virtual time.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<VirtualTimer> timers = [];
    private readonly DateTimeOffset start;
    private readonly SemaphoreSlim timerCreated = new(0);
    private TimeSpan elapsed;

    public VirtualTimeProvider()
        : this(new DateTimeOffset(2026, 11, 2, 1, 30, 0, TimeSpan.Zero))
    {
    }

    public VirtualTimeProvider(DateTimeOffset start) => this.start = start;

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

    public TimeSpan Elapsed
    {
        get
        {
            lock (gate)
            {
                return elapsed;
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => start + Elapsed;

    public override long GetTimestamp() => Elapsed.Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state, dueTime);
        lock (gate)
        {
            timers.Add(timer);
            timer.Schedule(elapsed, dueTime, period);
        }

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

    /// <summary>Moves the clock to the earliest pending timer and fires it.</summary>
    public void AdvanceToNextTimer()
    {
        TimeSpan next;
        lock (gate)
        {
            var due = timers.Where(t => t.DueAt is not null).Min(t => t.DueAt);
            Assert.True(due is not null, "no timer is pending");
            next = due.Value - elapsed;
        }

        Advance(next);
    }

    /// <summary>Moves the clock, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        TimeSpan target;
        lock (gate)
        {
            target = elapsed + by;
        }

        while (true)
        {
            VirtualTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.DueAt is { } due && due <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    elapsed = target;
                    return;
                }

                elapsed = next.DueAt!.Value;
                next.Fired();
            }

            next.Invoke();
        }
    }

    private void Reschedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timer.Schedule(elapsed, dueTime, period);
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state, TimeSpan firstDueTime) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public TimeSpan FirstDueTime { get; } = firstDueTime;

        public TimeSpan? DueAt { get; private set; }

        public void Schedule(TimeSpan now, TimeSpan dueTime, TimeSpan newPeriod)
        {
            period = newPeriod;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
        }

        public void Fired() => DueAt = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : DueAt + period;

        public void Invoke() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Reschedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => owner.Reschedule(this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
