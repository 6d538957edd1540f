using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> for the date alone: now moves only when the test says so, while
/// timers and timestamps run on the wall clock. A running portal needs both: tests fix the date its
/// rules read, and its background loops (outbox relay, delivery, circuit revalidation), Polly's
/// delays and the stream client's reconnects keep ticking without the test stepping each of them.
/// </summary>
public sealed class FakeNowRealTimers : FakeTimeProvider
{
    public FakeNowRealTimers()
        : base(TestTime.Start)
    {
    }

    public FakeNowRealTimers(DateTimeOffset start)
        : base(start)
    {
    }

    public override long TimestampFrequency => System.TimestampFrequency;

    public override long GetTimestamp() => System.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
