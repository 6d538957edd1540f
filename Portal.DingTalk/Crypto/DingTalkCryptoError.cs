namespace Portal.DingTalk.Crypto;

/// <summary>Error codes of DingTalk's callback crypto library (<c>DingTalkEncryptException</c>).</summary>
public enum DingTalkCryptoError
{
    /// <summary>Not one of DingTalk's codes; used only by the parameterless constructors.</summary>
    Unknown = 0,

    /// <summary>900004: the EncodingAESKey is not 43 Base64 characters decoding to 32 bytes.</summary>
    InvalidAesKey = 900004,

    /// <summary>900005: the signature does not match the request.</summary>
    SignatureMismatch = 900005,

    /// <summary>900008: the ciphertext is not Base64 or not a whole number of AES blocks.</summary>
    DecryptFailed = 900008,

    /// <summary>900009: padding or message length inside the plaintext is inconsistent.</summary>
    LengthMismatch = 900009,

    /// <summary>900010: the trailing owner key (corpId, AppKey or suiteKey) is not an accepted one.</summary>
    OwnerKeyMismatch = 900010,
}
