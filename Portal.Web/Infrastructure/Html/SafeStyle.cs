using System.Text.RegularExpressions;

namespace Portal.Web.Infrastructure.Html;

/// <summary>Inline styles keep only a few formatting properties with plain values; nothing that loads or runs.</summary>
internal static partial class SafeStyle
{
    private static readonly HashSet<string> AllowedProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "color", "background-color", "text-align", "font-weight", "font-style", "text-decoration", "font-size", "line-height",
    };

    public static string Clean(string style)
    {
        var kept = new List<string>();
        foreach (var declaration in style.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var property = declaration[..colon].Trim();
            var value = declaration[(colon + 1)..].Trim();
            if (AllowedProperties.Contains(property) && PlainValue().IsMatch(value))
            {
                kept.Add($"{property.ToLowerInvariant()}: {value}");
            }
        }

        return string.Join("; ", kept);
    }

    // Colours, lengths, keywords: letters, digits, #, %, dots, commas, spaces and rgb(...) only.
    [GeneratedRegex(@"^(?:[#a-zA-Z0-9.%, -]|rgba?\([0-9., %]+\))+$")]
    private static partial Regex PlainValue();
}
