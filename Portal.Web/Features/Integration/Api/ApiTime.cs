using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Web.Features.Integration.Api;

/// <summary>
/// Times in the integration API: ISO 8601 with an explicit offset (<c>Z</c> or <c>+08:00</c>), since a
/// time without one means different instants to the OA system and to the portal, and within a range
/// DingTalk and people can use (from 2000 to ten years ahead).
/// </summary>
public static partial class ApiTime
{
    public const string Example = "2026-11-23T09:00:00+08:00";

    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly TimeSpan FurthestAhead = TimeSpan.FromDays(3653);

    public static bool TryParse(string text, out DateTime utc)
    {
        utc = default;
        if (!Shape().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        utc = time.UtcDateTime;
        return true;
    }

    public static bool InRange(DateTime utc, DateTime now) => utc >= Earliest && utc <= now + FurthestAhead;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
