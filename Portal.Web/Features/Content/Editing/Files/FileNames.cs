using System.Text;

namespace Portal.Web.Features.Content.Editing.Files;

/// <summary>An uploaded file's name made safe to store and to send back in a Content-Disposition header.</summary>
public static class FileNames
{
    private const string Fallback = "file";

    public static string Sanitize(string? name, int maxLength)
    {
        // Browsers on some systems send the whole client path.
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var builder = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            var control = char.IsControl(c) || category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;
            builder.Append(control || "<>:\"|?*;".Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        var clean = builder.ToString().Trim().Trim('.').Trim();
        if (clean.Length == 0)
        {
            return Fallback;
        }

        if (clean.Length <= maxLength)
        {
            return clean;
        }

        var extension = Path.GetExtension(clean);
        extension = extension.Length < 16 ? extension : "";
        var stem = clean[..(maxLength - extension.Length)];
        return (char.IsHighSurrogate(stem[^1]) ? stem[..^1] : stem) + extension;
    }

    /// <summary>The lower-case extension with its dot, or empty.</summary>
    public static string Extension(string name) => Path.GetExtension(name).ToLowerInvariant();
}
