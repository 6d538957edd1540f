using System.Text;
using Portal.DingTalk.Crypto;

namespace Portal.Tests.DingTalk.Crypto;

/// <summary>Vectors of the reference, section 8.1.</summary>
public sealed class CallbackCryptoVectorTests
{
    private const string OwnToken = "portalToken123";
    private const string OwnAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string OwnCorpId = "dingcorp0123456789";

    public static TheoryData<string, string, string, string, string, string> OwnVectors => new()
    {
        {
            "0123456789abcdef", """{"EventType":"check_url"}""", "1700000000000", "n0nce123",
            "Q3stYC6hdFzMh9T8HCvyDLV8JeomtQuxZLosYEI28mjzSD5UpK2hp0QUc4H6M/N5tGEuQT0JFT55qEaOAX+lZQ==",
            "a3f9e17ea7ffedb438fe7728a33858b7a041c3d9"
        },
        {
            "fedcba9876543210", "success", "1700000000500", "resp0001",
            "DpQeJfnf/MGZ/+GTIspwVKMKEcQ3CJnfdNyjFHRzEAnBZL8Eq3SlgNzPj5u99BKdOcJbYaPgvK3IKgaw0o3DIg==",
            "fca44207fd2ed91c29fcfd4bd9a60a5c57964fc5"
        },
        {
            "RANDOMBYTES16xyz", """{"EventType":"user_add_org","TimeStamp":"1700000000000","UserId":["u001"],"CorpId":"dingcorp0123456789"}""",
            "1700000001000", "abc123",
            "FkjlMZnQhsVbGtvxCqS2IuxhKY037XZrf+OLkiPyzSDzs+1y3FpomYoTGpXZv3RByumR3bRnarZXp6UzqfRM84u+rcNCSuldKkkIAnDlJ3FJnv85FtKHnzyKII81+mnt4lt69wfcW0oaNRQDpxBnNk+gM/5ZeX+RxjoIULm2UX/Pmq1RksLPmCzG1fye3pKqNxkwgc6GSdk1R172IFTpKA==",
            "dce649d2e56e613db677e1e628ba806e00d37d65"
        },
    };

    [Fact]
    public void Official_ISV_vector_verifies_and_decrypts()
    {
        const string encrypt = "1a3NBxmCFwkCJvfoQ7WhJHB+iX3qHPsc9JbaDznE1i03peOk1LaOQoRz3+nlyGNhwmwJ3vDMG+OzrHMeiZI7gTRWVdUBmfxjZ8Ej23JVYa9VrYeJ5as7XM/ZpulX8NEQis44w53h1qAgnC3PRzM7Zc/D6Ibr0rgUathB6zRHP8PYrfgnNOS9PhSBdHlegK+AGGanfwjXuQ9+0pZcy0w9lQ==";
        var crypto = new DingTalkCallbackCrypto("123456", "4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij", "suite4xxxxxxxxxxxxxxx");

        Assert.Equal("5a65ceeef9aab2d149439f82dc191dd6c5cbe2c0", crypto.Sign("1445827045067", "nEXhMP4r", encrypt));
        var result = crypto.VerifyAndOpen("5a65ceeef9aab2d149439f82dc191dd6c5cbe2c0", "1445827045067", "nEXhMP4r", encrypt);

        Assert.Equal("hU3bEfGZZewzhG5a", Encoding.ASCII.GetString(result.Random.Span));
        Assert.Equal("""{"EventType":"check_create_suite_url","Random":"LPIdSnlF","TestSuiteKey":"suite4xxxxxxxxxxxxxxx"}""", result.Message);
        Assert.Equal("suite4xxxxxxxxxxxxxxx", result.OwnerKey);
    }

    [Theory]
    [MemberData(nameof(OwnVectors))]
    public void Own_vector_encrypts_signs_and_round_trips(string random, string message, string timestamp, string nonce, string encrypt, string signature)
    {
        var crypto = new DingTalkCallbackCrypto(OwnToken, OwnAesKey, OwnCorpId);

        Assert.Equal(encrypt, crypto.Encrypt(message, Encoding.ASCII.GetBytes(random)));
        Assert.Equal(signature, crypto.Sign(timestamp, nonce, encrypt));
        Assert.True(crypto.Verify(signature, timestamp, nonce, encrypt));

        var opened = crypto.Open(encrypt);
        Assert.Equal(message, opened.Message);
        Assert.Equal(OwnCorpId, opened.OwnerKey);
        Assert.Equal(random, Encoding.ASCII.GetString(opened.Random.Span));
    }

    [Fact]
    public void Reply_vector_is_signed_over_its_own_values()
    {
        var crypto = new DingTalkCallbackCrypto(OwnToken, OwnAesKey, OwnCorpId);

        var reply = crypto.CreateReply("success", "1700000000500", "resp0001", "fedcba9876543210"u8);

        Assert.Equal("DpQeJfnf/MGZ/+GTIspwVKMKEcQ3CJnfdNyjFHRzEAnBZL8Eq3SlgNzPj5u99BKdOcJbYaPgvK3IKgaw0o3DIg==", reply.Encrypt);
        Assert.Equal("fca44207fd2ed91c29fcfd4bd9a60a5c57964fc5", reply.MsgSignature);
        Assert.Equal("1700000000500", reply.TimeStamp);
        Assert.Equal("resp0001", reply.Nonce);
    }
}
