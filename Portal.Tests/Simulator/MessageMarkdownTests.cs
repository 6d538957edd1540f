using Portal.Web.Features.Simulator;

namespace Portal.Tests.Simulator;

/// <summary>Markdown of work notifications on the simulated phone: DingTalk's formatting, none of a sender's HTML or scripts.</summary>
public sealed class MessageMarkdownTests
{
    [Fact]
    public void Markdown_is_formatted_and_raw_HTML_stays_text()
    {
        var html = MessageMarkdown.ToHtml("# 周报\n**完成** <script>alert(1)</script> <b>粗</b>", "在门户中打开");

        Assert.Contains("<h1>周报</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>完成</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_marked_as_opening_in_the_portal_and_DingTalk_deep_links_unwrapped()
    {
        var deepLink = "dingtalk://dingtalkclient/page/link?url=" + Uri.EscapeDataString("https://portal.example/news/7") + "&pc_slide=true";

        var html = MessageMarkdown.ToHtml($"[公告](https://portal.example/n/1) [新闻]({deepLink}) <https://portal.example/auto>", "在门户中打开");

        Assert.Contains("href=\"https://portal.example/n/1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example/news/7\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example/auto\"", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "class=\"portal-link\""));
        Assert.Equal(3, CountOf(html, "target=\"_blank\""));
        Assert.Contains("title=\"在门户中打开\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_links_lose_their_target()
    {
        var html = MessageMarkdown.ToHtml("[点我](javascript:alert(1)) ![图](data:image/png;base64,AAAA)", "Opens in the portal");

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("portal-link", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://portal.example/a?b=1", "https://portal.example/a?b=1")]
    [InlineData("dingtalk://dingtalkclient/action/openapp?corpid=ding1&container_type=work_platform&app_id=0_1&redirect_type=jump&redirect_url=https%3A%2F%2Fportal.example%2Ftodo%2F3", "https://portal.example/todo/3")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("/relative/path", null)]
    [InlineData(null, null)]
    public void Links_resolve_to_the_page_a_phone_would_open(string? url, string? expected) =>
        Assert.Equal(expected, PortalLinks.Resolve(url));

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
