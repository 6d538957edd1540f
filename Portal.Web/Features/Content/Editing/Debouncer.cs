namespace Portal.Web.Features.Content.Editing;

/// <summary>
/// Runs an action once changes have paused for a while: every <see cref="Poke"/> restarts the wait. The
/// wait runs on a <see cref="TimeProvider"/> timer, so tests drive it without sleeping.
/// </summary>
public sealed class Debouncer : IDisposable
{
    private readonly Lock gate = new();
    private readonly ITimer timer;
    private readonly TimeSpan delay;
    private readonly Func<Task> action;
    private bool pending;

    public Debouncer(TimeProvider time, TimeSpan delay, Func<Task> action)
    {
        this.delay = delay;
        this.action = action;
        timer = time.CreateTimer(_ => _ = RunIfPendingAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool Pending
    {
        get
        {
            lock (gate)
            {
                return pending;
            }
        }
    }

    public void Poke()
    {
        lock (gate)
        {
            pending = true;
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Runs a pending action now instead of after the wait (before a submit, say).</summary>
    public Task FlushAsync()
    {
        lock (gate)
        {
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        return RunIfPendingAsync();
    }

    public void Dispose() => timer.Dispose();

    private Task RunIfPendingAsync()
    {
        lock (gate)
        {
            if (!pending)
            {
                return Task.CompletedTask;
            }

            pending = false;
        }

        return action();
    }
}
