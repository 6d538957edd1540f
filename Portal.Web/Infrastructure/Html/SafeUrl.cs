using System.Net;

namespace Portal.Web.Infrastructure.Html;

/// <summary>
/// Links may go to the web, mail and phone; images only to the web. Never a script or inline data.
/// A DingTalk link (<c>dingtalk://dingtalkclient/page/link?url=…</c>) opens the page it carries, so that
/// page must pass too.
/// </summary>
internal static class SafeUrl
{
    private static readonly string[] LinkSchemes = ["http", "https", "mailto", "tel", "dingtalk"];
    private static readonly string[] ImageSchemes = ["http", "https"];
    private static readonly string[] WebSchemes = ["http", "https"];

    public static bool IsAllowed(string value, bool forImage)
    {
        var compact = Compact(WebUtility.HtmlDecode(value));
        return SchemeOf(compact) switch
        {
            null => true,
            "dingtalk" => !forImage && CarriesOnlyWebPages(compact),
            var scheme => (forImage ? ImageSchemes : LinkSchemes).Contains(scheme),
        };
    }

    // Browsers ignore whitespace and control characters inside a scheme and decode entities first.
    private static string Compact(string value) => new([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);

    /// <summary>The lower-case scheme, or null for a relative URL (no scheme before the first path, query or fragment separator).</summary>
    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var firstSeparator = url.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (firstSeparator >= 0 && firstSeparator < colon) ? null : url[..colon].ToLowerInvariant();
    }

    // Every parameter that is itself a URL (url=, redirect_url=, however often encoded) must be a web page.
    private static bool CarriesOnlyWebPages(string dingTalkUrl)
    {
        var query = dingTalkUrl.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? dingTalkUrl[(at + 1)..] : "";
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = pair.Contains('=', StringComparison.Ordinal) ? pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..] : pair;
            for (var round = 0; round < 3; round++)
            {
                value = Compact(WebUtility.UrlDecode(value));
            }

            if (SchemeOf(value) is { } scheme && !WebSchemes.Contains(scheme))
            {
                return false;
            }
        }

        return true;
    }
}
