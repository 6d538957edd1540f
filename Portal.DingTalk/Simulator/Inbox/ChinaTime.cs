namespace Portal.DingTalk.Simulator.Inbox;

/// <summary>DingTalk counts its daily and monthly limits in China time (UTC+8, no daylight saving).</summary>
internal static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Year and month as one number (<c>202611</c>), the key of the monthly call quota.</summary>
    public static int Month(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Offset);
        return (local.Year * 100) + local.Month;
    }
}
