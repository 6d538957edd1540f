using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// The portal trusts neither the Host header nor forwarded headers from just anyone: links and
/// signatures follow the configured public address, and a proxy's X-Forwarded-* count only when the
/// proxy is configured. Behind TLS every cookie is Secure and HSTS is sent.
/// </summary>
public sealed partial class HostAndProxyTests
{
    [Fact]
    public async Task A_forged_Host_gets_no_JSAPI_signature_and_OAuth_returns_to_the_portals_own_address()
    {
        await using var portal = await KestrelPortal.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.Http.BaseAddress };

        using var sign = Forged(HttpMethod.Get, "api/dingtalk/jsapi-config?url=" + Uri.EscapeDataString("http://evil.example/x"));
        var signed = await client.SendAsync(sign);
        using var login = Forged(HttpMethod.Get, "auth/dingtalk/login?returnUrl=%2Fme");
        var started = await client.SendAsync(login);

        Assert.Equal(HttpStatusCode.BadRequest, signed.StatusCode);
        Assert.Contains("\"code\":\"foreign-url\"", await signed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var location = started.Headers.Location!;
        Assert.Equal(new Uri(portal.BaseUrl).Authority, location.Authority);
        Assert.Equal(portal.BaseUrl + "/auth/dingtalk/callback", RedirectUri(location));
    }

    [Fact]
    public async Task With_a_public_address_configured_links_and_signatures_follow_it()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://portal.example.com" });

        var signed = await portal.Http.GetAsync(new Uri("api/dingtalk/jsapi-config?url=" + Uri.EscapeDataString("https://portal.example.com/me"), UriKind.Relative));
        var own = await portal.Http.GetAsync(new Uri("api/dingtalk/jsapi-config?url=" + Uri.EscapeDataString(portal.BaseUrl + "/me"), UriKind.Relative));
        using var login = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.Http.BaseAddress };
        var started = await login.GetAsync(new Uri("auth/dingtalk/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Equal("https://portal.example.com/auth/dingtalk/callback", RedirectUri(started.Headers.Location!));
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_unknown_client_does_not_buy_it_more_requests()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Jsapi:RequestsPerMinute"] = "2" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            using var request = JsapiRequest(portal, forwardedFor: $"203.0.113.{i}");
            statuses.Add((await portal.Http.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?>
        {
            ["DingTalk:Jsapi:RequestsPerMinute"] = "2",
            ["Portal:TrustedProxies:0"] = "127.0.0.0/8",
        });

        var distinct = new List<HttpStatusCode>();
        var same = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            using var first = JsapiRequest(portal, forwardedFor: $"203.0.113.{i}");
            distinct.Add((await portal.Http.SendAsync(first)).StatusCode);
            using var second = JsapiRequest(portal, forwardedFor: "198.51.100.7");
            same.Add((await portal.Http.SendAsync(second)).StatusCode);
        }

        Assert.All(distinct, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], same);
    }

    [Fact]
    public async Task Behind_TLS_the_session_cookie_is_Secure_and_HSTS_is_sent_only_for_HTTPS_from_the_proxy()
    {
        await using var portal = await KestrelPortal.StartAsync(
            new Dictionary<string, string?>
            {
                ["DingTalk:Mode"] = "Simulator",
                ["Portal:PublicUrl"] = "https://portal.example.com",
                ["Portal:TrustedProxies:0"] = "127.0.0.1",
            },
            environment: "Staging");
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = portal.Http.BaseAddress };

        var userId = await TestSignIn.DemoPersonAsync(browser);
        var code = await portal.PostJsonAsync("_dingtalk/_control/authcodes", new { userId });
        using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri("auth/dingtalk/code", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code = code.GetProperty("code").GetString() }),
        };
        signIn.Headers.Add("X-Forwarded-Proto", "https");
        var signedIn = await browser.SendAsync(signIn);
        // HSTS is never sent for localhost names, so these requests name the public host.
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, new Uri("healthz", UriKind.Relative));
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        viaProxy.Headers.Host = "portal.example.com";
        var secure = await browser.SendAsync(viaProxy);
        using var direct = new HttpRequestMessage(HttpMethod.Get, new Uri("healthz", UriKind.Relative));
        direct.Headers.Host = "portal.example.com";
        var plain = await browser.SendAsync(direct);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".portal.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(secure.Headers.Contains("Strict-Transport-Security"));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    private static HttpRequestMessage Forged(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Host = "evil.example";
        return request;
    }

    private static HttpRequestMessage JsapiRequest(KestrelPortal portal, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/dingtalk/jsapi-config?url=" + Uri.EscapeDataString(portal.BaseUrl + "/"), UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static string RedirectUri(Uri location) => Uri.UnescapeDataString(RedirectParameter().Match(location.Query).Groups[1].Value);

    [GeneratedRegex("redirect_uri=([^&]+)")]
    private static partial Regex RedirectParameter();
}
