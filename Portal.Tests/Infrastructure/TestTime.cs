using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>Where the tests' clocks start, so dates in tests and seeds agree.</summary>
public static class TestTime
{
    /// <summary>A Monday, 09:30 in China.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 30, 0, TimeSpan.Zero);

    /// <summary>A clock whose now and timers both move only when the test advances it.</summary>
    public static FakeTimeProvider Fake() => new(Start);
}
