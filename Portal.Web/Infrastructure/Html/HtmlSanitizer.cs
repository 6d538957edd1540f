using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Web.Infrastructure.Html;

/// <summary>
/// The allow-list every rich-text body passes through on the server before it is stored: safe
/// formatting, links and images stay; scripts, event handlers, javascript:/data: URLs, forms, frames
/// and CSS that could run code go.
/// </summary>
public static class HtmlSanitizer
{
    // Removed with everything inside them.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "textarea",
        "select", "option", "optgroup", "svg", "math", "template", "noscript", "noembed", "noframes", "link", "meta", "base",
        "title", "head", "xml", "xmp", "plaintext", "video", "audio", "source", "track", "canvas", "portal", "dialog",
    };

    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "mark", "h1", "h2", "h3",
        "h4", "h5", "h6", "blockquote", "pre", "code", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tfoot", "tr",
        "th", "td", "caption", "hr", "span", "div", "figure", "figcaption",
    };

    private static readonly Dictionary<string, string[]> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["*"] = ["title", "style", "align"],
        ["a"] = ["href", "target"],
        ["img"] = ["src", "alt", "width", "height"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan"],
        ["ol"] = ["start"],
    };

    public static string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = new HtmlParser().ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        Clean(body);
        return body.InnerHtml;
    }

    private static void Clean(INode parent)
    {
        foreach (var node in parent.ChildNodes.ToList())
        {
            switch (node)
            {
                case IElement element when Dropped.Contains(element.LocalName) || element.NamespaceUri != NamespaceNames.HtmlUri:
                    element.Remove();
                    break;
                case IElement element when !AllowedTags.Contains(element.LocalName):
                    Clean(element);
                    Unwrap(element);
                    break;
                case IElement element:
                    CleanAttributes(element);
                    Clean(element);
                    break;
                case IComment or IProcessingInstruction or IDocumentType:
                    node.RemoveFromParent();
                    break;
            }
        }
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent!;
        foreach (var child in element.ChildNodes.ToList())
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    private static void CleanAttributes(IElement element)
    {
        var allowed = AllowedAttributes["*"].Concat(AllowedAttributes.GetValueOrDefault(element.LocalName, [])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in element.Attributes.ToList())
        {
            var keep = allowed.Contains(attribute.Name) && attribute.Name.ToUpperInvariant() switch
            {
                "HREF" => SafeUrl.IsAllowed(attribute.Value, forImage: false),
                "SRC" => SafeUrl.IsAllowed(attribute.Value, forImage: true),
                "STYLE" => SafeStyle.Clean(attribute.Value) is { Length: > 0 },
                "TARGET" => attribute.Value == "_blank",
                _ => true,
            };
            if (!keep)
            {
                element.RemoveAttribute(attribute.Name);
            }
            else if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                element.SetAttribute("style", SafeStyle.Clean(attribute.Value));
            }
        }

        if (element.LocalName == "a" && element.HasAttribute("target"))
        {
            element.SetAttribute("rel", "noopener noreferrer");
        }
    }
}
