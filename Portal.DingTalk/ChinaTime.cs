namespace Portal.DingTalk;

/// <summary>
/// DingTalk counts its daily and monthly limits (messages per person a day, the call quota a month) in
/// China time: UTC+8, no daylight saving. The simulator keeps them by it, and the portal plans by it.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);

    /// <summary>Year and month as one number (<c>202611</c>), the key of the monthly call quota.</summary>
    public static int Month(DateTimeOffset instant)
    {
        var local = Of(instant);
        return (local.Year * 100) + local.Month;
    }

    /// <summary>When the China day of <paramref name="instant"/> began, in UTC.</summary>
    public static DateTime DayStart(DateTimeOffset instant) => new DateTimeOffset(Of(instant).Date, Offset).UtcDateTime;

    /// <summary>When the China month of <paramref name="instant"/> began, in UTC.</summary>
    public static DateTime MonthStart(DateTimeOffset instant)
    {
        var local = Of(instant);
        return new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Offset).UtcDateTime;
    }
}
