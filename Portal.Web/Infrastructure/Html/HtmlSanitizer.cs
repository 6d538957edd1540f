using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Portal.Web.Infrastructure.Html;

/// <summary>
/// The allow-list every rich-text body passes through on the server before it is stored: safe
/// formatting, links and images stay; scripts, event handlers, javascript:/data: URLs, forms, frames
/// and CSS that could run code go. The parsing and cleaning is HtmlSanitizer's; the lists and the
/// URL and size rules are ours.
/// </summary>
public static class HtmlSanitizer
{
    // Removed with everything inside them; any other tag off the list is unwrapped and its text kept.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "textarea",
        "select", "option", "optgroup", "svg", "math", "template", "noscript", "noembed", "noframes", "link", "meta", "base",
        "title", "head", "xml", "xmp", "plaintext", "video", "audio", "source", "track", "canvas", "portal", "dialog",
    };

    private static readonly string[] AllowedTags =
    [
        "p", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "mark", "h1", "h2", "h3",
        "h4", "h5", "h6", "blockquote", "pre", "code", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tfoot", "tr",
        "th", "td", "caption", "hr", "span", "div", "figure", "figcaption",
    ];

    private static readonly string[] EveryTagAttributes = ["title", "style", "align"];

    private static readonly Dictionary<string, string[]> TagAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = ["href", "target"],
        ["img"] = ["src", "alt", "width", "height"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan"],
        ["ol"] = ["start"],
    };

    private static readonly Ganss.Xss.HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html);

    private static Ganss.Xss.HtmlSanitizer Create()
    {
        var sanitizer = new Ganss.Xss.HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(EveryTagAttributes.Concat(TagAttributes.Values.SelectMany(a => a)), StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto", "tel", "dingtalk"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(SafeStyle.AllowedProperties, StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<CssRuleType>(),
        })
        {
            KeepChildNodes = true,
        };
        sanitizer.RemovingTag += (_, removing) =>
        {
            if (Dropped.Contains(removing.Tag.LocalName) || removing.Tag.NamespaceUri != NamespaceNames.HtmlUri)
            {
                removing.Tag.InnerHtml = "";
            }
        };
        sanitizer.FilterUrl += (_, filtering) =>
        {
            if (filtering.SanitizedUrl is { } url && !SafeUrl.IsAllowed(url, forImage: filtering.Tag.LocalName == "img"))
            {
                filtering.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, processing) =>
        {
            if (processing.Node is IElement element)
            {
                KeepOnlyThisTagsAttributes(element);
            }
        };
        return sanitizer;
    }

    private static void KeepOnlyThisTagsAttributes(IElement element)
    {
        var own = TagAttributes.GetValueOrDefault(element.LocalName, []);
        foreach (var attribute in element.Attributes.ToList())
        {
            var name = attribute.Name;
            var allowed = (EveryTagAttributes.Contains(name, StringComparer.OrdinalIgnoreCase) || own.Contains(name, StringComparer.OrdinalIgnoreCase)) && name.ToUpperInvariant() switch
            {
                "TARGET" => attribute.Value == "_blank",
                _ => true,
            };
            if (!allowed)
            {
                element.RemoveAttribute(name);
            }
        }

        if (element.GetAttribute("style") is { } style)
        {
            var bounded = SafeStyle.Clean(style);
            if (bounded.Length == 0)
            {
                element.RemoveAttribute("style");
            }
            else
            {
                element.SetAttribute("style", bounded);
            }
        }

        if (element.LocalName == "a" && element.HasAttribute("target"))
        {
            element.SetAttribute("rel", "noopener noreferrer");
        }
    }
}
