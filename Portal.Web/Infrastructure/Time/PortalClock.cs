using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Configuration;

namespace Portal.Web.Infrastructure.Time;

/// <summary>Shows UTC instants in the organisation's time zone (Portal:TimeZone).</summary>
public sealed class PortalClock(IOptions<PortalOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    public string FormatTime(DateTimeOffset instant) => ToLocal(instant).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public string FormatDateTime(DateTime utc) =>
        ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
