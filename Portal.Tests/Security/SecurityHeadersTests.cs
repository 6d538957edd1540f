using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Every response says not to sniff content types and not to send the referrer to other sites; pages
/// carry one Content-Security-Policy that runs only the portal's scripts and the import map it rendered
/// with this request's nonce.
/// </summary>
public sealed partial class SecurityHeadersTests : PortalTest
{
    [Fact]
    public async Task A_page_carries_a_script_policy_whose_nonce_only_its_import_map_has()
    {
        var first = await Portal.Http.GetAsync(new Uri("signin", UriKind.Relative));
        var second = await Portal.Http.GetAsync(new Uri("signin", UriKind.Relative));
        var html = await first.Content.ReadAsStringAsync();

        var policy = Assert.Single(first.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' 'nonce", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", policy, StringComparison.Ordinal);
        var inline = InlineScripts().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(inline.Count, inline.Count(tag => tag.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal)));
        Assert.Contains(inline, tag => tag.Contains("importmap", StringComparison.Ordinal));
        Assert.NotEqual(nonce, Nonce().Match(Assert.Single(second.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value);
        AssertCommonHeaders(first);
    }

    [Fact]
    public async Task Machine_answers_carry_nosniff_and_the_referrer_policy_too()
    {
        var problem = await Portal.Http.GetAsync(new Uri("api/me", UriKind.Relative));
        var health = await Portal.Http.GetAsync(new Uri("healthz", UriKind.Relative));

        AssertCommonHeaders(problem);
        AssertCommonHeaders(health);
        Assert.False(problem.Headers.Contains("Server"));
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [GeneratedRegex("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex Nonce();

    // Script elements without a src: the ones the policy would have to allow inline.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}
