using System.Globalization;
using Portal.Web.Infrastructure.Time;

namespace Portal.Web.Features.Content.Reach;

/// <summary>One bar of the chart: reads in the period starting at <see cref="Label"/>.</summary>
public sealed record ReadsPoint(string Label, int Reads);

public sealed record ReadsSeries(bool Hourly, IReadOnlyList<ReadsPoint> Points);

/// <summary>
/// First reads per hour (for the first three days since publication) or per day (after that), counted
/// from the moment of publication, in the organisation's time zone for the labels.
/// </summary>
public static class ReadsOverTime
{
    public const int HourlyBuckets = 72;
    public const int MaxDailyBuckets = 90;

    public static ReadsSeries Bucket(DateTime publishedAt, DateTime now, IReadOnlyCollection<DateTime> reads, PortalClock clock)
    {
        var hourly = now - publishedAt <= TimeSpan.FromHours(HourlyBuckets);
        var size = hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var count = Math.Max(1, (int)Math.Ceiling((now - publishedAt) / size));
        var first = Math.Max(0, count - (hourly ? HourlyBuckets : MaxDailyBuckets));
        var counts = new int[count - first];
        foreach (var read in reads)
        {
            var index = (int)Math.Floor((read - publishedAt) / size) - first;
            if (index >= 0 && index < counts.Length)
            {
                counts[index]++;
            }
            else if (index >= counts.Length)
            {
                counts[^1]++;
            }
        }

        var format = hourly ? "MM-dd HH:mm" : "MM-dd";
        var points = counts.Select((n, i) => new ReadsPoint(
            clock.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(publishedAt, DateTimeKind.Utc)) + (size * (first + i))).ToString(format, CultureInfo.InvariantCulture),
            n)).ToList();
        return new ReadsSeries(hourly, points);
    }
}
