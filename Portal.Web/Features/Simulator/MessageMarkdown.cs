using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portal.Web.Features.Simulator;

/// <summary>
/// Markdown of work notifications rendered as DingTalk shows it, safely: raw HTML is text, and
/// every link goes through <see cref="PortalLinks"/> and is marked as opening in the portal.
/// </summary>
public static class MessageMarkdown
{
    public const string LinkClass = "portal-link";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown, string opensInPortal)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = PortalLinks.Resolve(link.Url) ?? "";
            if (!link.IsImage && link.Url.Length > 0)
            {
                MarkAsPortalLink(link, opensInPortal);
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (link.IsEmail || PortalLinks.Resolve(link.Url) is not { } target)
            {
                link.Url = "";
                continue;
            }

            link.Url = target;
            MarkAsPortalLink(link, opensInPortal);
        }

        return document.ToHtml(Pipeline);
    }

    private static void MarkAsPortalLink(Inline link, string opensInPortal)
    {
        var attributes = link.GetAttributes();
        attributes.AddClass(LinkClass);
        attributes.AddProperty("target", "_blank");
        attributes.AddProperty("rel", "noopener");
        attributes.AddProperty("title", opensInPortal);
    }
}
