using System.Text.RegularExpressions;
using Portal.Web.Infrastructure.Html;

namespace Portal.Tests.Content;

public sealed partial class HtmlSanitizerTests
{
    [Fact]
    public void The_corpus_has_more_than_a_hundred_payloads() => Assert.True(XssCorpus.Payloads.Count >= 100);

    [Theory]
    [MemberData(nameof(XssCorpus.Indexes), MemberType = typeof(XssCorpus))]
    public void Every_payload_comes_out_inert(int index)
    {
        var clean = HtmlSanitizer.Sanitize(XssCorpus.Payloads[index]);

        Assert.DoesNotMatch(DangerousTag(), clean);
        Assert.DoesNotMatch(EventHandler(), clean);
        Assert.DoesNotMatch(ScriptUrl(), clean);
        Assert.DoesNotContain("expression(", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", clean, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(clean, HtmlSanitizer.Sanitize(clean));
    }

    [Theory]
    [InlineData("<p>Hello <strong>world</strong> <em>again</em></p>", "<p>Hello <strong>world</strong> <em>again</em></p>")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "<ul><li>one</li><li>two</li></ul>")]
    [InlineData("<a href=\"https://example.com/a?b=1\">x</a>", "<a href=\"https://example.com/a?b=1\">x</a>")]
    [InlineData("<a href=\"/news/7\" target=\"_blank\">x</a>", "<a href=\"/news/7\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>")]
    [InlineData("<img src=\"https://cdn.example.com/p.png\" alt=\"图\">", "<img src=\"https://cdn.example.com/p.png\" alt=\"图\">")]
    [InlineData("<p style=\"color: red; text-align: center\">x</p>", "<p style=\"color: red; text-align: center\">x</p>")]
    [InlineData("<p style=\"color: rgb(255, 0, 0); position: fixed\">x</p>", "<p style=\"color: rgb(255, 0, 0)\">x</p>")]
    [InlineData("<table><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>", "<table><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>")]
    [InlineData("<custom-tag>kept text</custom-tag>", "kept text")]
    [InlineData("<h2>标题</h2><blockquote>引用</blockquote>", "<h2>标题</h2><blockquote>引用</blockquote>")]
    public void Safe_formatting_links_and_images_are_kept(string html, string expected) =>
        Assert.Equal(expected, HtmlSanitizer.Sanitize(html));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_stays_nothing(string? html) => Assert.Equal("", HtmlSanitizer.Sanitize(html));

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|frame|object|embed|form|input|button|style|svg|math|link|meta|base|textarea|select)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousTag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"(href|src)\s*=\s*""\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}
