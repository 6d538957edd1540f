using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Web.Infrastructure.Html;

/// <summary>
/// Inline styles keep only a few formatting properties with plain values; nothing that loads or runs,
/// and no text so large or so spaced that it covers the page.
/// </summary>
internal static partial class SafeStyle
{
    public static readonly IReadOnlySet<string> AllowedProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "color", "background-color", "text-align", "font-weight", "font-style", "text-decoration", "font-size", "line-height",
    };

    private static readonly HashSet<string> SizeKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "smaller", "larger", "normal",
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
            if (AllowedProperties.Contains(property) && PlainValue().IsMatch(value) && WithinBounds(property, value))
            {
                kept.Add($"{property.ToLowerInvariant()}: {value}");
            }
        }

        return string.Join("; ", kept);
    }

    // Sizes as a reader would set them: 8–48 px (or pt), 0.5–3 em/rem, 50–300 %, a keyword; line height up to 3.
    private static bool WithinBounds(string property, string value)
    {
        if (!property.Equals("font-size", StringComparison.OrdinalIgnoreCase) && !property.Equals("line-height", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (SizeKeywords.Contains(value))
        {
            return true;
        }

        var match = Size().Match(value);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var size))
        {
            return false;
        }

        var lineHeight = property.Equals("line-height", StringComparison.OrdinalIgnoreCase);
        return match.Groups[2].Value.ToLowerInvariant() switch
        {
            "px" or "pt" => size is >= 8 and <= 48 || (lineHeight && size is >= 8 and <= 72),
            "em" or "rem" => size is >= 0.5 and <= 3,
            "%" => size is >= 50 and <= 300,
            "" => lineHeight && size is >= 0.5 and <= 3,
            _ => false,
        };
    }

    // Colours, lengths, keywords: letters, digits, #, %, dots, commas, spaces and rgb(...) only.
    [GeneratedRegex(@"^(?:[#a-zA-Z0-9.%, -]|rgba?\([0-9., %]+\))+$")]
    private static partial Regex PlainValue();

    [GeneratedRegex(@"^([0-9]*\.?[0-9]+)\s*(px|pt|em|rem|%)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
