using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Portal.DingTalk.Crypto;

/// <summary>
/// Signs, verifies, encrypts and decrypts DingTalk HTTP callback payloads
/// (AES-256-CBC, IV = key[0..16), PKCS#7 padding to 32-byte blocks, SHA-1 signature).
/// Thread-safe; holds no disposable state.
/// </summary>
public sealed class DingTalkCallbackCrypto
{
    private const int RandomLength = 16;
    private const int LengthPrefix = 4;
    private const int PadBlock = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string token;
    private readonly byte[] key;
    private readonly byte[] iv;
    private readonly string[] ownerKeys;

    /// <summary>Creates the crypto for one owner key (corpId for internal apps, AppKey, or suiteKey for ISVs).</summary>
    public DingTalkCallbackCrypto(string token, string aesKey, string ownerKey)
        : this(token, aesKey, [ownerKey])
    {
    }

    /// <summary>
    /// Creates the crypto accepting several owner keys on decryption; the first one is used to encrypt.
    /// </summary>
    public DingTalkCallbackCrypto(string token, string aesKey, IReadOnlyList<string> acceptedOwnerKeys)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(acceptedOwnerKeys);
        if (acceptedOwnerKeys.Count == 0 || acceptedOwnerKeys.Any(k => k is null))
        {
            throw new ArgumentException("At least one non-null owner key is required.", nameof(acceptedOwnerKeys));
        }

        this.token = token;
        key = DecodeAesKey(aesKey);
        iv = key[..RandomLength];
        ownerKeys = [.. acceptedOwnerKeys];
    }

    /// <summary>Owner key written into encrypted payloads.</summary>
    public string OwnerKey => ownerKeys[0];

    /// <summary>Lowercase hex SHA-1 of token, timestamp, nonce and encrypt, sorted ordinally and concatenated.</summary>
    public string Sign(string timestamp, string nonce, string encrypt)
    {
        string[] parts = [token, timestamp, nonce, encrypt];
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is mandated by DingTalk's callback protocol.
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
#pragma warning restore CA5350
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Checks a callback signature in constant time; hex case is ignored.</summary>
    public bool Verify(string? signature, string timestamp, string nonce, string encrypt) =>
        HexDigest.FixedTimeEqualsIgnoreCase(Sign(timestamp, nonce, encrypt), signature);

    /// <summary>Encrypts a message; <paramref name="random16"/> is for reproducible tests, random bytes otherwise.</summary>
    public string Encrypt(string plaintext, ReadOnlySpan<byte> random16 = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (!random16.IsEmpty && random16.Length != RandomLength)
        {
            throw new ArgumentException($"The random prefix must be {RandomLength} bytes.", nameof(random16));
        }

        var message = Encoding.UTF8.GetBytes(plaintext);
        var owner = Encoding.UTF8.GetBytes(OwnerKey);
        var unpadded = RandomLength + LengthPrefix + message.Length + owner.Length;
        var pad = PadBlock - (unpadded % PadBlock);
        var buffer = new byte[unpadded + pad];

        var span = buffer.AsSpan();
        if (random16.IsEmpty)
        {
            RandomNumberGenerator.Fill(span[..RandomLength]);
        }
        else
        {
            random16.CopyTo(span);
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[RandomLength..], (uint)message.Length);
        message.CopyTo(span[(RandomLength + LengthPrefix)..]);
        owner.CopyTo(span[(RandomLength + LengthPrefix + message.Length)..]);
        span[unpadded..].Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(buffer, iv, PaddingMode.None));
    }

    /// <summary>Decrypts a payload and returns its message; throws <see cref="DingTalkCryptoException"/> on any mismatch.</summary>
    public string Decrypt(string encrypt) => Open(encrypt).Message;

    /// <summary>Decrypts a payload into its parts, requiring the trailing owner key to be an accepted one.</summary>
    public DecryptedCallback Open(string encrypt)
    {
        var plain = DecryptBlocks(encrypt);

        var pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.LengthMismatch, "Invalid padding.");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + LengthPrefix)
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.LengthMismatch, "Plaintext too short.");
        }

        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(content[RandomLength..]);
        var body = content[(RandomLength + LengthPrefix)..];
        if (messageLength > (uint)body.Length)
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.LengthMismatch, "Message length exceeds the plaintext.");
        }

        string message, owner;
        try
        {
            message = StrictUtf8.GetString(body[..(int)messageLength]);
            owner = StrictUtf8.GetString(body[(int)messageLength..]);
        }
        catch (DecoderFallbackException e)
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.LengthMismatch, "Plaintext is not valid UTF-8.", e);
        }

        if (!ownerKeys.Contains(owner, StringComparer.Ordinal))
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.OwnerKeyMismatch, "The owner key in the payload is not an accepted one.");
        }

        return new DecryptedCallback(message, owner, content[..RandomLength].ToArray());
    }

    /// <summary>Verifies the signature first, then decrypts.</summary>
    public DecryptedCallback VerifyAndOpen(string? signature, string timestamp, string nonce, string encrypt)
    {
        if (!Verify(signature, timestamp, nonce, encrypt))
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.SignatureMismatch, "Callback signature does not match.");
        }

        return Open(encrypt);
    }

    /// <summary>Encrypts <paramref name="message"/> and signs the reply over its own timestamp and nonce.</summary>
    public CallbackReply CreateReply(string message, string timestamp, string nonce, ReadOnlySpan<byte> random16 = default)
    {
        var encrypt = Encrypt(message, random16);
        return new CallbackReply(Sign(timestamp, nonce, encrypt), timestamp, nonce, encrypt);
    }

    private static byte[] DecodeAesKey(string aesKey)
    {
        if (aesKey is not { Length: 43 })
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.InvalidAesKey, "The EncodingAESKey must be 43 characters.");
        }

        try
        {
            var bytes = Convert.FromBase64String(aesKey + "=");
            return bytes.Length == 32
                ? bytes
                : throw new DingTalkCryptoException(DingTalkCryptoError.InvalidAesKey, "The EncodingAESKey must decode to 32 bytes.");
        }
        catch (FormatException e)
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.InvalidAesKey, "The EncodingAESKey is not Base64.", e);
        }
    }

    private byte[] DecryptBlocks(string encrypt)
    {
        ArgumentNullException.ThrowIfNull(encrypt);
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypt);
        }
        catch (FormatException e)
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.DecryptFailed, "The payload is not Base64.", e);
        }

        // Whole 32-byte blocks are what DingTalk's padding produces; anything else cannot be one of its payloads.
        if (cipher.Length == 0 || cipher.Length % PadBlock != 0)
        {
            throw new DingTalkCryptoException(DingTalkCryptoError.DecryptFailed, "The payload is not a whole number of blocks.");
        }

        using var aes = CreateAes();
        return aes.DecryptCbc(cipher, iv, PaddingMode.None);
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
