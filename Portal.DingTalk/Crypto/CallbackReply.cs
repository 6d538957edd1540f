using System.Text.Json.Serialization;

namespace Portal.DingTalk.Crypto;

/// <summary>The JSON body answered to a DingTalk HTTP callback.</summary>
public sealed record CallbackReply(
    [property: JsonPropertyName("msg_signature")] string MsgSignature,
    [property: JsonPropertyName("timeStamp")] string TimeStamp,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("encrypt")] string Encrypt);
