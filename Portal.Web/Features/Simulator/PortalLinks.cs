using System.Web;

namespace Portal.Web.Features.Simulator;

/// <summary>
/// Where a link in a DingTalk message leads, as the phone would open it: DingTalk's own deep links
/// (<c>dingtalk://dingtalkclient/page/link?url=…</c>, <c>…/action/openapp?…&amp;redirect_url=…</c>)
/// unwrapped to the page they carry. Only http(s) survives; anything else is no link at all.
/// </summary>
public static class PortalLinks
{
    public static string? Resolve(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        if (uri.Scheme == "dingtalk")
        {
            var query = HttpUtility.ParseQueryString(uri.Query);
            return Resolve(query["url"] ?? query["redirect_url"]);
        }

        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }
}
