using Portal.DingTalk.Crypto;

namespace Portal.Tests.DingTalk.Crypto;

/// <summary>Vectors of the reference, section 3.3.</summary>
public sealed class JsapiSignatureTests
{
    private const string Ticket = "TICKETabc123";
    private const string NonceStr = "nonceXYZ";
    private const string TimeStamp = "1700000000";
    private const string UrlA = "https://portal.example.com/app/index?corpid=dingcorp0123456789";
    private const string UrlB = "https://portal.example.com/app/index?corpid=dingcorp0123456789&name=%E5%BC%A0%E4%B8%89#/home";

    private static readonly JsapiSignatureOptions Sha1Raw = new() { Hash = JsapiHashAlgorithm.Sha1, DecodeQuery = false };
    private static readonly JsapiSignatureOptions Sha256Raw = new() { Hash = JsapiHashAlgorithm.Sha256, DecodeQuery = false };
    private static readonly JsapiSignatureOptions Sha1Decoded = new() { Hash = JsapiHashAlgorithm.Sha1, DecodeQuery = true };

    public static TheoryData<string, JsapiSignatureOptions, string> Vectors => new()
    {
        { UrlA, Sha1Raw, "e92b414d9c561e5a628c84684481795a93a9e7a8" },
        { UrlA, Sha1Decoded, "e92b414d9c561e5a628c84684481795a93a9e7a8" },
        { UrlA, Sha256Raw, "225a1d729fb11290953a9c9e75c7dff8c8889c65013edd86ddce568e5c44e546" },
        { UrlA, JsapiSignatureOptions.Default, "225a1d729fb11290953a9c9e75c7dff8c8889c65013edd86ddce568e5c44e546" },
        { UrlB, Sha1Raw, "fc8551da5273c8c9da178a080d99552167cab46a" },
        { UrlB, Sha256Raw, "8bc45194dc8ac4da2d8430c69b35db27471787a4b59f8488c638bd13217ffa23" },
        { UrlB, Sha1Decoded, "f603774a99e4061ac115169a36dbf1a79cf59a75" },
        { UrlB, JsapiSignatureOptions.Default, "0653fad69d5c07077a91bdabc926f2c0e48d40ef910c7cdfadd30381d03a9dcf" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Reference_vectors_match(string url, JsapiSignatureOptions options, string expected)
    {
        Assert.Equal(expected, JsapiSignature.Compute(Ticket, NonceStr, TimeStamp, url, options));
        Assert.True(JsapiSignature.Verify(expected.ToUpperInvariant(), Ticket, NonceStr, TimeStamp, url, options));
    }

    [Fact]
    public void Default_options_are_sha256_with_decoded_query()
    {
        Assert.Equal(
            JsapiSignature.Compute(Ticket, NonceStr, TimeStamp, UrlB, JsapiSignatureOptions.Default),
            JsapiSignature.Compute(Ticket, NonceStr, TimeStamp, UrlB));
    }

    [Fact]
    public void Fragment_is_cut_before_signing()
    {
        const string cut = "https://portal.example.com/app/index?corpid=dingcorp0123456789&name=%E5%BC%A0%E4%B8%89";

        Assert.Equal(cut, JsapiSignature.SignedUrl(UrlB, decodeQuery: false));
        Assert.Equal("https://portal.example.com/app/index?corpid=dingcorp0123456789&name=张三", JsapiSignature.SignedUrl(UrlB, decodeQuery: true));
        Assert.Equal(JsapiSignature.Compute(Ticket, NonceStr, TimeStamp, cut), JsapiSignature.Compute(Ticket, NonceStr, TimeStamp, UrlB));
    }

    [Theory]
    [InlineData("https://Portal.Example.com:8443/app/index?q=%E5%BC%A0#/x", "https://Portal.Example.com:8443/app/index?q=张")]
    [InlineData("https://portal.example.com:443/app/?a=1", "https://portal.example.com:443/app/?a=1")]
    [InlineData("http://portal.example.com:80/app/index", "http://portal.example.com:80/app/index")]
    [InlineData("https://portal.example.com/app/%E5%BC%A0?a=%2F", "https://portal.example.com/app/%E5%BC%A0?a=/")]
    public void Scheme_authority_and_path_are_kept_as_given(string url, string expected)
    {
        Assert.Equal(expected, JsapiSignature.SignedUrl(url, decodeQuery: true));
    }

    [Fact]
    public void Explicit_port_changes_the_signature()
    {
        var withPort = JsapiSignature.Compute(Ticket, NonceStr, TimeStamp, "https://portal.example.com:8443/app/index?corpid=dingcorp0123456789");

        Assert.NotEqual(JsapiSignature.Compute(Ticket, NonceStr, TimeStamp, UrlA), withPort);
    }

    [Fact]
    public void Wrong_signature_is_rejected()
    {
        Assert.False(JsapiSignature.Verify("e92b414d9c561e5a628c84684481795a93a9e7a8", Ticket, NonceStr, TimeStamp, UrlA));
        Assert.False(JsapiSignature.Verify(null, Ticket, NonceStr, TimeStamp, UrlA));
        Assert.False(JsapiSignature.Verify("225a1d729fb11290953a9c9e75c7dff8c8889c65013edd86ddce568e5c44e546", Ticket, "other", TimeStamp, UrlA));
    }
}
