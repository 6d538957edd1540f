namespace Portal.DingTalk.Crypto;

/// <summary>Which of DingTalk's documented dd.config signature variants to compute.</summary>
public sealed class JsapiSignatureOptions
{
    /// <summary>SHA-256 with a decoded query, as in the current official samples.</summary>
    public static JsapiSignatureOptions Default { get; } = new();

    public JsapiHashAlgorithm Hash { get; init; } = JsapiHashAlgorithm.Sha256;

    /// <summary>Whether the query part of the URL is URL-decoded (UTF-8) before signing.</summary>
    public bool DecodeQuery { get; init; } = true;
}
