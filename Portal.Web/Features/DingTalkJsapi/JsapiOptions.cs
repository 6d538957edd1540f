using Portal.DingTalk.Crypto;

namespace Portal.Web.Features.DingTalkJsapi;

/// <summary>Configuration section <c>DingTalk:Jsapi</c>: how dd.config is signed.</summary>
public sealed class JsapiOptions
{
    public const string SectionName = "DingTalk:Jsapi";

    /// <summary>Which digest DingTalk's client checks is unverified: SHA-256 per current samples, SHA-1 per older ones.</summary>
    public JsapiHashAlgorithm Hash { get; set; } = JsapiHashAlgorithm.Sha256;

    /// <summary>Whether the page URL's query is URL-decoded before signing (current official samples do).</summary>
    public bool DecodeQuery { get; set; } = true;

    /// <summary>Hosts whose pages may be signed besides the portal's public address (<c>Portal:PublicUrl</c>).</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Requests per minute per client address.</summary>
    public int RequestsPerMinute { get; set; } = 60;
}
