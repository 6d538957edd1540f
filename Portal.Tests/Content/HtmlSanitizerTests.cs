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
        Assert.DoesNotContain("9999px", clean, StringComparison.Ordinal);
        Assert.DoesNotMatch(DingTalkScript(), clean);
        Assert.Equal(clean, HtmlSanitizer.Sanitize(clean));
    }

    [Theory]
    [InlineData("<p>Hello <strong>world</strong> <em>again</em></p>", "<p>Hello <strong>world</strong> <em>again</em></p>")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "<ul><li>one</li><li>two</li></ul>")]
    [InlineData("<a href=\"https://example.com/a?b=1\">x</a>", "<a href=\"https://example.com/a?b=1\">x</a>")]
    [InlineData("<a href=\"/news/7\" target=\"_blank\">x</a>", "<a href=\"/news/7\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>")]
    [InlineData("<img src=\"https://cdn.example.com/p.png\" alt=\"图\">", "<img src=\"https://cdn.example.com/p.png\" alt=\"图\">")]
    [InlineData("<p style=\"color: red; text-align: center\">x</p>", "<p style=\"color: rgba(255, 0, 0, 1); text-align: center\">x</p>")]
    [InlineData("<p style=\"color: rgb(255, 0, 0); position: fixed\">x</p>", "<p style=\"color: rgba(255, 0, 0, 1)\">x</p>")]
    [InlineData("<table><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>", "<table><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>")]
    [InlineData("<custom-tag>kept text</custom-tag>", "kept text")]
    [InlineData("<h2>标题</h2><blockquote>引用</blockquote>", "<h2>标题</h2><blockquote>引用</blockquote>")]
    public void Safe_formatting_links_and_images_are_kept(string html, string expected) =>
        Assert.Equal(expected, HtmlSanitizer.Sanitize(html));

    [Theory]
    [InlineData("<script>alert(1)</script><p>x</p>")]
    [InlineData("<style>p { color: red }</style><p>x</p>")]
    [InlineData("<svg><text>drawn</text></svg><p>x</p>")]
    [InlineData("<form><button>send</button></form><p>x</p>")]
    public void Code_forms_and_drawings_go_with_everything_inside_them(string html) =>
        Assert.Equal("<p>x</p>", HtmlSanitizer.Sanitize(html));

    [Theory]
    [InlineData("dingtalk://dingtalkclient/page/link?url=javascript:alert(1)")]
    [InlineData("dingtalk://dingtalkclient/page/link?url=javascript%3Aalert(1)")]
    [InlineData("dingtalk://dingtalkclient/page/link?url=%256A%2561vascript%253Aalert(1)")]
    [InlineData("dingtalk://dingtalkclient/page/link?url=data%3Atext%2Fhtml%2C%3Cscript%3E")]
    [InlineData("dingtalk://dingtalkclient/action/openapp?corpid=x&redirect_url=vbscript%3Amsgbox")]
    [InlineData("DINGTALK://dingtalkclient/page/link?url= java	script:alert(1)")]
    public void A_DingTalk_link_that_carries_a_script_loses_its_address(string href) =>
        Assert.Equal("<a>x</a>", HtmlSanitizer.Sanitize($"<a href=\"{href}\">x</a>"));

    [Theory]
    [InlineData("dingtalk://dingtalkclient/page/link?url=https%3A%2F%2Fportal.example.com%2Fcontent%2F1&pc_slide=true")]
    [InlineData("dingtalk://dingtalkclient/action/openapp?corpid=ding1&container_type=work_platform&app_id=0_1&redirect_type=jump&redirect_url=https%3A%2F%2Fportal.example.com%2F")]
    public void A_DingTalk_link_to_a_web_page_is_kept(string href) =>
        Assert.Equal($"<a href=\"{href.Replace("&", "&amp;", StringComparison.Ordinal)}\">x</a>", HtmlSanitizer.Sanitize($"<a href=\"{href}\">x</a>"));

    [Theory]
    [InlineData("font-size: 9999px", "")]
    [InlineData("font-size: 100em", "")]
    [InlineData("font-size: 0.1px", "")]
    [InlineData("line-height: 500", "")]
    [InlineData("font-size: 16px", "font-size: 16px")]
    [InlineData("font-size: 1.5em; color: red", "font-size: 1.5em; color: rgba(255, 0, 0, 1)")]
    [InlineData("font-size: large", "font-size: large")]
    [InlineData("line-height: 1.6", "line-height: 1.6")]
    public void Text_sizes_stay_within_what_a_reader_would_set(string style, string kept)
    {
        var clean = HtmlSanitizer.Sanitize($"<p style=\"{style}\">x</p>");

        Assert.Equal(kept.Length == 0 ? "<p>x</p>" : $"<p style=\"{kept}\">x</p>", clean);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_stays_nothing(string? html) => Assert.Equal("", HtmlSanitizer.Sanitize(html));

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|frame|object|embed|form|input|button|style|svg|math|link|meta|base|textarea|select)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousTag();

    [GeneratedRegex(@"dingtalk:[^""]*(javascript|vbscript|data)(:|%3a|%253a)", RegexOptions.IgnoreCase)]
    private static partial Regex DingTalkScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"(href|src)\s*=\s*""\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}
