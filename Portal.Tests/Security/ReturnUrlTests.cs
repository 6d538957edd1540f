using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every round trip that takes a return address (language switch, DingTalk login, development sign-in,
/// OAuth callback, the sign-in page the silent sign-in returns from) sends people back only to the
/// portal: addresses a browser would read as another site are refused with a problem, never followed.
/// </summary>
public sealed partial class ReturnUrlTests : PortalTest
{
    // Browsers drop tab, CR and LF inside a URL and read a backslash as a slash: each becomes //evil.example.
    public static TheoryData<string> Foreign =>
    [
        "/\t/evil.example/", "/\n/evil.example/", "/\r/evil.example/", "/\\evil.example", "//evil.example/", "/\\/evil.example",
        "https://evil.example/", "javascript:alert(1)", " /\t/evil.example", "/x\u0000y", "/x\u007fy",
    ];

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task The_language_switch_and_the_DingTalk_login_refuse_a_foreign_return_address(string returnUrl)
    {
        using var browser = Browser();
        var query = "returnUrl=" + Uri.EscapeDataString(returnUrl);

        foreach (var path in new[] { "culture/en-US?" + query, "auth/dingtalk/login?" + query })
        {
            var response = await browser.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"code\":\"invalid-return-url\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null(response.Headers.Location);
            Assert.False(response.Headers.Contains("Set-Cookie"), path);
        }
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task The_development_sign_in_refuses_a_foreign_return_address_and_signs_nobody_in(string returnUrl)
    {
        using var browser = Browser();
        var userId = await TestSignIn.DemoPersonAsync(browser);
        var page = await browser.GetStringAsync(new Uri("signin", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value),
            ["userId"] = userId,
            ["returnUrl"] = returnUrl,
        });

        var response = await browser.PostAsync(new Uri("auth/dev", UriKind.Relative), form);

        // A NUL in a form value already fails the form's antiforgery check; either way it is a 400 problem.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task The_sign_in_page_hands_the_silent_sign_in_only_a_local_address(string returnUrl)
    {
        using var phone = Browser();
        phone.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BrowserFixture.DingTalkAndroidUserAgent);
        // A simulated DingTalk client, as the simulated phone opens it: only then does the page try 免登.
        phone.DefaultRequestHeaders.Add("Cookie", global::Portal.DingTalk.Simulator.SimulatorSignIn.DeviceCookie + "=someone");

        var html = await phone.GetStringAsync(new Uri("signin?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal("/", WebUtility.HtmlDecode(ReturnAttribute().Match(html).Groups[1].Value));
    }

    [Fact]
    public async Task A_forged_OAuth_state_cookie_with_a_foreign_address_is_refused_before_the_code_is_spent()
    {
        using var browser = Browser();
        var code = "an-unspent-code";
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"auth/dingtalk/callback?code={code}&state=abc", UriKind.Relative));
        request.Headers.Add("Cookie", ".portal.oauth=abc|" + Uri.EscapeDataString("/\t/evil.example/"));

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\":\"invalid-return-url\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await Portal.StatsAsync("api POST /v1.0/oauth2/userAccessToken")).Calls);
    }

    [Theory]
    [InlineData("/todos")]
    [InlineData("/content/0194f2c4-9b1e-7c3a-8d52-6f0a1e2b3c4d?from=home#top")]
    [InlineData("/search?q=%E5%BC%A0%20%E4%B8%89")]
    public async Task A_page_of_the_portal_is_where_the_language_switch_returns(string returnUrl)
    {
        using var browser = Browser();

        var response = await browser.GetAsync(new Uri("culture/en-US?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-return-url=\"([^\"]*)\"")]
    private static partial Regex ReturnAttribute();
}
