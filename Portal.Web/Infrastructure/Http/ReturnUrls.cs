namespace Portal.Web.Infrastructure.Http;

/// <summary>
/// Where a sign-in, a language switch or any other round trip may send a person back to: a path of this
/// portal, never another site. Browsers drop tabs and line breaks inside a URL and read a backslash as a
/// slash, so <c>/\t/evil.example</c> or <c>/\evil.example</c> would leave the portal; such values are refused.
/// </summary>
public static class ReturnUrls
{
    public const int MaxLength = 2048;

    private static readonly Uri Probe = new("http://portal.invalid/");

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return false;
        }

        foreach (var c in url)
        {
            if (char.IsControl(c) || c is '\\' or '|' || (char.IsWhiteSpace(c) && c != ' '))
            {
                return false;
            }
        }

        return Uri.TryCreate(Probe, url, out var resolved) && resolved.Authority == Probe.Authority;
    }

    /// <summary>The path itself when it is local, else the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    public static IResult Invalid() =>
        Problems.BadRequest("invalid-return-url", "The return address is not a page of this portal", "returnUrl must be a path starting with a single '/'.", "returnUrl");
}
