using System.Net;

namespace Portal.Web.Infrastructure.Html;

/// <summary>Links may go to the web, mail and phone; images only to the web. Never a script or inline data.</summary>
internal static class SafeUrl
{
    private static readonly string[] LinkSchemes = ["http", "https", "mailto", "tel", "dingtalk"];
    private static readonly string[] ImageSchemes = ["http", "https"];

    public static bool IsAllowed(string value, bool forImage)
    {
        // Browsers ignore whitespace and control characters inside a scheme and decode entities first.
        var decoded = WebUtility.HtmlDecode(value);
        var compact = new string(decoded.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var firstSeparator = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstSeparator >= 0 && firstSeparator < colon))
        {
            // Relative: no scheme before the first path, query or fragment separator.
            return true;
        }

        var scheme = compact[..colon].ToLowerInvariant();
        return (forImage ? ImageSchemes : LinkSchemes).Contains(scheme);
    }
}
