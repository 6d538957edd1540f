using System.Globalization;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Content;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>
/// The work notifications an item sends. They are written in the organisation's language (Chinese):
/// one message goes to many readers, whatever language each chose in the portal. A reminder must
/// differ from the first push and from earlier reminders, or DingTalk drops it as repeated content.
/// </summary>
public static class ArticleMessages
{
    private const int MaxSummary = 300;

    public static WorkMessage Published(Article article, string itemUrl) =>
        Card(article, itemUrl, Heading(article), MessageText.Escape(Lead(article)));

    public static WorkMessage Reminder(Article article, string itemUrl, int reminder, DateTimeOffset sentAtChina)
    {
        var when = sentAtChina.ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
        var lead = article.RequiresAcknowledgement ? "您还未确认这则通知，请阅读后点击“我已阅读并确认”。" : "您还未阅读这条内容。";
        return Card(article, itemUrl, $"【提醒】{article.Title}", $"{lead}\n\n（第 {reminder} 次提醒 · {when}）");
    }

    private static WorkMessage Card(Article article, string itemUrl, string title, string text) =>
        WorkMessage.ForActionCard(new ActionCardContent(title, $"### {MessageText.Line(title)}\n\n{text}")
        {
            SingleTitle = article.RequiresAcknowledgement ? "阅读并确认" : "阅读全文",
            SingleUrl = MessageText.InDingTalk(itemUrl),
        });

    private static string Heading(Article article) =>
        article.Kind == ContentKind.Notice ? $"【通知】{article.Title}" : article.Title;

    private static string Lead(Article article)
    {
        var summary = string.IsNullOrWhiteSpace(article.Summary) ? "" : article.Summary.Trim();
        return summary.Length > MaxSummary ? summary[..MaxSummary] + "…" : summary;
    }
}
