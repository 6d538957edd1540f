using System.Globalization;
using System.Resources;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Content;
using Portal.Web.Infrastructure.DingTalk;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Resources;

namespace Portal.Web.Features.Content.Workflow;

/// <summary>
/// The work notifications of the review workflow: to an approver when an item awaits them, and to the
/// author when it is sent back or goes live. Names, titles and the reason are people's text, escaped so
/// they show as written; the rest comes from <see cref="WorkflowText"/>.
/// </summary>
public static class WorkflowMessages
{
    /// <summary>
    /// The organisation's language, the portal's default: the language a person picked is a cookie on
    /// their device, which a notification cannot ask, so they go out like the item pushes do.
    /// </summary>
    public static readonly CultureInfo Organisation = CultureInfo.GetCultureInfo(LocalizationSetup.Chinese);

    private const int MaxSummary = 300;

    private static readonly ResourceManager Texts = new(typeof(WorkflowText));

    public static WorkMessage ReviewRequested(Article article, string authorName, string editorUrl, CultureInfo culture)
    {
        var lines = new List<string> { MessageText.Line(Text(culture, "Review_Text", authorName, Kind(article, culture))) };
        if (!string.IsNullOrWhiteSpace(article.Summary))
        {
            var summary = article.Summary.Trim();
            lines.Add(MessageText.Escape(summary.Length > MaxSummary ? summary[..MaxSummary] + "…" : summary));
        }

        return Card(Text(culture, "Review_Title", article.Title), lines, Text(culture, "Review_Button"), editorUrl);
    }

    public static WorkMessage Rejected(Article article, string reviewerName, string reason, string editorUrl, CultureInfo culture) =>
        Card(
            Text(culture, "Rejected_Title", article.Title),
            [MessageText.Line(Text(culture, "Rejected_Text", reviewerName, Kind(article, culture))), MessageText.Line(Text(culture, "Rejected_Reason")), MessageText.Escape(reason)],
            Text(culture, "Rejected_Button"),
            editorUrl);

    public static WorkMessage Published(Article article, string itemUrl, CultureInfo culture) =>
        Card(Text(culture, "Published_Title", article.Title), [MessageText.Line(Text(culture, "Published_Text", Kind(article, culture)))], Text(culture, "Published_Button"), itemUrl);

    private static WorkMessage Card(string title, IEnumerable<string> paragraphs, string button, string url) =>
        WorkMessage.ForActionCard(new ActionCardContent(title, $"### {MessageText.Line(title)}\n\n{string.Join("\n\n", paragraphs.Where(p => p.Length > 0))}")
        {
            SingleTitle = button,
            SingleUrl = MessageText.InDingTalk(url),
        });

    private static string Kind(Article article, CultureInfo culture) => Text(culture, "Kind_" + article.Kind);

    private static string Text(CultureInfo culture, string name, params object[] args)
    {
        var text = Texts.GetString(name, culture) ?? throw new InvalidOperationException($"WorkflowText has no '{name}'.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
