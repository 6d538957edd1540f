using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Configuration;

namespace Portal.Web.Features.Content.Editing;

/// <summary>Editors pick times on the organisation's wall clock (Portal:TimeZone); the items store UTC.</summary>
public sealed class LocalTimes(IOptions<PortalOptions> options)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    /// <summary>The value of an <c>input type="datetime-local"</c>, or null when it is empty or not a time.</summary>
    public static DateTime? Parse(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;

    /// <summary>The value an <c>input type="datetime-local"</c> shows.</summary>
    public static string? Format(DateTime? local) => local?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
