using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Portal.DingTalk.Crypto;

/// <summary>The <c>signature</c> passed to <c>dd.config</c>.</summary>
public static class JsapiSignature
{
    /// <summary>
    /// Lowercase hex digest of <c>jsapi_ticket=…&amp;noncestr=…&amp;timestamp=…&amp;url=…</c>,
    /// with the URL cut at the first <c>#</c> and, by default, its query URL-decoded.
    /// </summary>
    public static string Compute(string ticket, string nonceStr, string timeStamp, string url, JsapiSignatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        options ??= JsapiSignatureOptions.Default;
        var plain = $"jsapi_ticket={ticket}&noncestr={nonceStr}&timestamp={timeStamp}&url={SignedUrl(url, options.DecodeQuery)}";
        var bytes = Encoding.UTF8.GetBytes(plain);
#pragma warning disable CA5350 // SHA-1 is one of the digests DingTalk's JSAPI accepts; the caller chooses.
        var digest = options.Hash == JsapiHashAlgorithm.Sha1 ? SHA1.HashData(bytes) : SHA256.HashData(bytes);
#pragma warning restore CA5350
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Checks a signature in constant time; hex case is ignored.</summary>
    public static bool Verify(string? signature, string ticket, string nonceStr, string timeStamp, string url, JsapiSignatureOptions? options = null) =>
        HexDigest.FixedTimeEqualsIgnoreCase(Compute(ticket, nonceStr, timeStamp, url, options), signature);

    /// <summary>The URL as it enters the string to sign.</summary>
    public static string SignedUrl(string url, bool decodeQuery)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            url = url[..hash];
        }

        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (!decodeQuery || query < 0)
        {
            return url;
        }

        // Scheme, authority and path stay byte-for-byte as given: DingTalk compares them literally, and
        // System.Uri would drop default ports such as :443. The decoding mirrors Java's URLDecoder
        // used by the official sample, '+' becoming a space.
        return string.Concat(url.AsSpan(0, query + 1), WebUtility.UrlDecode(url[(query + 1)..]));
    }
}
