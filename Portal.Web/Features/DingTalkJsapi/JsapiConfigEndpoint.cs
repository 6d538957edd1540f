using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Client;
using Portal.DingTalk.Crypto;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.DingTalkJsapi;

/// <summary>The values a page passes to <c>dd.config</c>.</summary>
public sealed record JsapiConfig(string AgentId, string CorpId, string TimeStamp, string NonceStr, string Signature);

/// <summary>
/// <c>GET /api/dingtalk/jsapi-config?url=</c>: signs a page of this portal for dd.config. Anonymous
/// (the page asks before sign-in) but rate-limited, and only for the portal's public address and the
/// configured extra hosts, so the app's ticket cannot be used to configure someone else's page.
/// </summary>
public static class JsapiConfigEndpoint
{
    private const int MaxUrlLength = 2048;

    public static async Task<IResult> HandleAsync(
        string? url,
        HttpContext context,
        PublicAddress publicAddress,
        DingTalkJsapiTickets tickets,
        IOptionsMonitor<DingTalkOptions> dingTalk,
        IOptionsMonitor<JsapiOptions> jsapi,
        TimeProvider time,
        ILogger<JsapiConfig> logger)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https"))
        {
            return Problems.BadRequest("invalid-url", "A page URL is required", $"url must be an absolute http(s) URL of at most {MaxUrlLength} characters.", "url");
        }

        var options = jsapi.CurrentValue;
        if (!IsOwnHost(page, publicAddress, options))
        {
            return Problems.BadRequest("foreign-url", "Only this portal's pages can be signed", null, "url");
        }

        string ticket;
        try
        {
            ticket = await tickets.GetAsync(context.RequestAborted);
        }
        catch (DingTalkException exception)
        {
            logger.LogWarning("JSAPI ticket unavailable: {Kind} {Code}", exception.Kind, exception.Code);
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "dingtalk-unavailable", "DingTalk is unavailable; try again shortly");
        }

        var timeStamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 16);
        var signature = JsapiSignature.Compute(ticket, nonce, timeStamp, url, new JsapiSignatureOptions { Hash = options.Hash, DecodeQuery = options.DecodeQuery });
        var settings = dingTalk.CurrentValue;
        return Results.Json(new JsapiConfig(settings.AgentId, settings.CorpId, timeStamp, nonce, signature));
    }

    // The public address, not the request's Host header: a forged Host would have us sign someone else's page.
    private static bool IsOwnHost(Uri page, PublicAddress publicAddress, JsapiOptions options) =>
        string.Equals(page.Authority, publicAddress.Authority, StringComparison.OrdinalIgnoreCase)
        || options.AllowedHosts.Any(host => string.Equals(page.Authority, host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(page.Host, host, StringComparison.OrdinalIgnoreCase));
}
