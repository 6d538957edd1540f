namespace Portal.Web.Features.DingTalkEvents;

/// <summary>Configuration section <c>DingTalk:Callback</c>: the HTTP event subscription.</summary>
public sealed class CallbackOptions
{
    public const string SectionName = "DingTalk:Callback";

    /// <summary>The subscription's token (3–32 letters or digits). Empty disables the endpoint in Live mode.</summary>
    public string Token { get; set; } = "";

    /// <summary>The 43-character EncodingAESKey. A secret: environment only.</summary>
    public string AesKey { get; set; } = "";

    /// <summary>Key DingTalk appends to the plaintext; empty means the corpId (then the AppKey is accepted too).</summary>
    public string OwnerKey { get; set; } = "";

    public int MaxAgeMinutes { get; set; } = 10;

    public int MaxAheadMinutes { get; set; } = 5;

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public bool IsConfigured => Token.Length > 0 && AesKey.Length > 0;
}
