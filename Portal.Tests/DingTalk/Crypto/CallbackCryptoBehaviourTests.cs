using System.Globalization;
using System.Text.Json;
using Portal.DingTalk.Crypto;

namespace Portal.Tests.DingTalk.Crypto;

public sealed class CallbackCryptoBehaviourTests
{
    private const string Token = "portalToken123";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string CorpId = "dingcorp0123456789";
    private const string Timestamp = "1700000000000";
    private const string Nonce = "n0nce123";
    private const string CheckUrl = "Q3stYC6hdFzMh9T8HCvyDLV8JeomtQuxZLosYEI28mjzSD5UpK2hp0QUc4H6M/N5tGEuQT0JFT55qEaOAX+lZQ==";
    private const string CheckUrlSignature = "a3f9e17ea7ffedb438fe7728a33858b7a041c3d9";

    private static DingTalkCallbackCrypto Crypto(string ownerKey = CorpId) => new(Token, AesKey, ownerKey);

    [Fact]
    public void Random_prefix_differs_between_encryptions_and_both_decrypt()
    {
        var crypto = Crypto();
        var first = crypto.Encrypt("你好, DingTalk");
        var second = crypto.Encrypt("你好, DingTalk");

        Assert.NotEqual(first, second);
        Assert.Equal("你好, DingTalk", crypto.Decrypt(first));
        Assert.Equal("你好, DingTalk", crypto.Decrypt(second));
    }

    [Theory]
    [InlineData(0, 64)] // pad 26
    [InlineData(10, 64)] // pad 16
    [InlineData(25, 64)] // pad 1
    [InlineData(26, 96)] // pad 32: a full block of padding
    public void Pad_lengths_up_to_a_full_block_round_trip(int messageLength, int cipherBytes)
    {
        // 16 random + 4 length + 18 corpId = 38 bytes of framing around the message.
        var crypto = Crypto();
        var message = new string('x', messageLength);

        var encrypt = crypto.Encrypt(message);

        Assert.Equal(cipherBytes, Convert.FromBase64String(encrypt).Length);
        Assert.Equal(message, crypto.Decrypt(encrypt));
    }

    [Fact]
    public void Tampered_ciphertext_is_rejected()
    {
        var bytes = Convert.FromBase64String(CheckUrl);
        bytes[^17] ^= 0x01; // flips the pad byte of the last plaintext block and garbles the block before it
        var tampered = Convert.ToBase64String(bytes);

        Assert.Equal(DingTalkCryptoError.LengthMismatch, Assert.Throws<DingTalkCryptoException>(() => Crypto().Decrypt(tampered)).Code);
        Assert.False(Crypto().Verify(CheckUrlSignature, Timestamp, Nonce, tampered));
    }

    [Fact]
    public void Truncated_or_non_base64_ciphertext_fails_to_decrypt()
    {
        var truncated = Convert.ToBase64String(Convert.FromBase64String(CheckUrl)[..48]);

        Assert.Equal(DingTalkCryptoError.DecryptFailed, Assert.Throws<DingTalkCryptoException>(() => Crypto().Decrypt(truncated)).Code);
        Assert.Equal(DingTalkCryptoError.DecryptFailed, Assert.Throws<DingTalkCryptoException>(() => Crypto().Decrypt("not base64!")).Code);
    }

    [Fact]
    public void Wrong_owner_key_is_rejected()
    {
        var error = Assert.Throws<DingTalkCryptoException>(() => Crypto("dingOtherCorp").Decrypt(CheckUrl));
        Assert.Equal(DingTalkCryptoError.OwnerKeyMismatch, error.Code);
        Assert.Contains("900010", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_accepted_owner_key_decrypts_and_the_first_encrypts()
    {
        var crypto = new DingTalkCallbackCrypto(Token, AesKey, ["dingAppKey", CorpId]);

        var opened = crypto.Open(CheckUrl);
        Assert.Equal(CorpId, opened.OwnerKey);
        Assert.Equal("dingAppKey", crypto.Open(crypto.Encrypt("m")).OwnerKey);
        Assert.Throws<DingTalkCryptoException>(() => new DingTalkCallbackCrypto(Token, AesKey, ["dingAppKey"]).Open(CheckUrl));
    }

    [Fact]
    public void Wrong_signature_is_rejected()
    {
        var crypto = Crypto();

        Assert.False(crypto.Verify("a3f9e17ea7ffedb438fe7728a33858b7a041c3d8", Timestamp, Nonce, CheckUrl));
        Assert.False(crypto.Verify(CheckUrlSignature, Timestamp, "other", CheckUrl));
        Assert.False(crypto.Verify(CheckUrlSignature[..^1], Timestamp, Nonce, CheckUrl));
        Assert.False(crypto.Verify(null, Timestamp, Nonce, CheckUrl));
        var error = Assert.Throws<DingTalkCryptoException>(() => crypto.VerifyAndOpen("0000", Timestamp, Nonce, CheckUrl));
        Assert.Equal(DingTalkCryptoError.SignatureMismatch, error.Code);
    }

    [Fact]
    public void Signature_differing_only_in_case_verifies()
    {
        Assert.True(Crypto().Verify(CheckUrlSignature.ToUpperInvariant(), Timestamp, Nonce, CheckUrl));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!")]
    public void Bad_aes_key_is_rejected(string aesKey)
    {
        var error = Assert.Throws<DingTalkCryptoException>(() => new DingTalkCallbackCrypto(Token, aesKey, CorpId));
        Assert.Equal(DingTalkCryptoError.InvalidAesKey, error.Code);
    }

    [Fact]
    public void Signature_sorts_ordinally_not_by_culture()
    {
        // Ordinal puts every uppercase letter before any lowercase one; culture collation interleaves them.
        string[] parts = ["apple", "Banana", "cherry", "Date"];
        var culture = parts.Order(StringComparer.Create(CultureInfo.GetCultureInfo("en-US"), ignoreCase: false)).ToArray();
        var ordinal = parts.Order(StringComparer.Ordinal).ToArray();
        Assert.NotEqual(culture, ordinal);

        // SHA-1 of "BananaDateapplecherry"; the culture order "appleBananacherryDate" would give dfc8f92b….
        var crypto = new DingTalkCallbackCrypto("apple", AesKey, CorpId);
        Assert.Equal("aa266d86346b0bc8d871ba9aadd82037bc3f7e6b", crypto.Sign("Banana", "cherry", "Date"));
    }

    [Fact]
    public void Reply_serializes_with_DingTalk_property_names()
    {
        var reply = Crypto().CreateReply("success", "1700000000500", "resp0001", "fedcba9876543210"u8);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(reply));
        var root = json.RootElement;
        Assert.Equal(reply.MsgSignature, root.GetProperty("msg_signature").GetString());
        Assert.Equal("1700000000500", root.GetProperty("timeStamp").GetString());
        Assert.Equal("resp0001", root.GetProperty("nonce").GetString());
        Assert.Equal(reply.Encrypt, root.GetProperty("encrypt").GetString());
        Assert.True(Crypto().Verify(reply.MsgSignature, reply.TimeStamp, reply.Nonce, reply.Encrypt));
    }

    [Fact]
    public void Random_prefix_of_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Crypto().Encrypt("m", new byte[15]));
    }
}
