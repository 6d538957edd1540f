using System.Text.Json;
using System.Text.RegularExpressions;
using Markdig;
using Portal.Tests.Content.Delivery;
using Portal.Web.Infrastructure.DingTalk;
using static Portal.Tests.Todos.Delivery.TodoDeliveryKit;

namespace Portal.Tests.Todos.Delivery;

/// <summary>
/// Text an OA system or an editor wrote goes into DingTalk's markdown as text: it cannot leave its heading,
/// add links or lists, whatever markdown it carries. Rendered here with every extension a renderer may
/// have (autolinks of bare addresses included), the only links are the portal's own buttons.
/// </summary>
public sealed partial class MessageMarkdownInjectionTests
{
    private const string Phishing = "报销审批\n\n## 紧急：账户异常\n[点此验证身份](https://evil.example/login)\n<https://evil.example/a>\nhttps://evil.example/b www.evil.example\n> 引用\n1. 第一步\n- 列表 ![x](https://evil.example/x.png) <img src=x onerror=alert(1)> &lt;b&gt;";

    private static readonly MarkdownPipeline Everything = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Fact]
    public async Task A_to_do_whose_title_and_fields_carry_markdown_reaches_DingTalk_as_plain_text()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: Settings);
        var people = await host.ActiveUserIdsAsync();
        var fields = JsonSerializer.Serialize(new[] { new { key = "金额\n# 标题", value = "[¥1](https://evil.example/pay)" } });
        await SeedAsync(host, [people[0]], card: new CardText(Phishing, Phishing, fields));

        await host.DrainAsync();

        var markdown = Assert.Single(await host.InboxAsync(people[0])).GetProperty("message").GetProperty("action_card").GetProperty("markdown").GetString()!;
        var html = Markdown.ToHtml(markdown, Everything);
        Assert.DoesNotContain("evil.example", string.Join(" ", Links().Matches(html).Select(m => m.Value)), StringComparison.Ordinal);
        Assert.DoesNotMatch(Tags(), html);
        var heading = Assert.Single(Headings().Matches(html));
        Assert.Contains("点此验证身份", heading.Value, StringComparison.Ordinal);
        Assert.Contains("紧急：账户异常", heading.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a*b*c", "a*b*c")]
    [InlineData("[x](https://evil.example)", "[x](https://evil.example)")]
    [InlineData("https://evil.example/p", "https://evil.example/p")]
    [InlineData("www.evil.example", "www.evil.example")]
    [InlineData("1. one", "1. one")]
    [InlineData("3,280 元 · 09:00", "3,280 元 · 09:00")]
    [InlineData("line\nbreak\r\nhere", "line break here")]
    public void A_line_of_text_renders_as_exactly_that_text(string text, string shown)
    {
        var html = Markdown.ToHtml(MessageText.Line(text), Everything);

        Assert.Equal("<p>" + shown + "</p>", System.Net.WebUtility.HtmlDecode(html.Trim()));
    }

    [Fact]
    public void Text_of_several_lines_keeps_its_lines_and_gains_nothing()
    {
        var html = Markdown.ToHtml(MessageText.Escape("第一行\n# 第二行\n\n- 第三行"), Everything);

        Assert.Equal("<p>第一行</p>\n<p># 第二行</p>\n<p>- 第三行</p>", html.Trim());
    }

    [GeneratedRegex("<a [^>]*>")]
    private static partial Regex Links();

    [GeneratedRegex("<(img|h[1-2]|blockquote|ol|ul|li|script)\\b")]
    private static partial Regex Tags();

    [GeneratedRegex("<h3[^>]*>.*?</h3>")]
    private static partial Regex Headings();
}
