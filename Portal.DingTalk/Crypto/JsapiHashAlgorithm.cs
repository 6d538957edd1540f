namespace Portal.DingTalk.Crypto;

/// <summary>Digest used for the dd.config signature.</summary>
public enum JsapiHashAlgorithm
{
    /// <summary>Current official Java and Node samples.</summary>
    Sha256,

    /// <summary>Older official library and most integrations.</summary>
    Sha1,
}
