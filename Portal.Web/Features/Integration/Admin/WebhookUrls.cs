namespace Portal.Web.Features.Integration.Admin;

/// <summary>Where decisions may be posted: https, or plain http while developing against a local receiver.</summary>
public static class WebhookUrls
{
    public const int MaxLength = 1000;

    public static bool IsAllowed(string url, bool development) =>
        url.Length <= MaxLength
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (development && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.UserInfo);
}
