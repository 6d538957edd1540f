using System.Security.Cryptography;

namespace Portal.Web.Infrastructure.Security;

/// <summary>
/// Headers every response carries: no content-type sniffing, no referrer to other sites, and on pages
/// a Content-Security-Policy that runs only the portal's own scripts and the one inline import map
/// (by a per-request nonce), loads nothing from elsewhere but images, and refuses framing by others.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "portal.csp-nonce";

    /// <summary>The nonce of this request's page, for the inline import map.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex, not base64: the page would HTML-encode a '+' in the attribute; hex reads the same in the page and the header.
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self' 'nonce-{Nonce(context)}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
                    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
