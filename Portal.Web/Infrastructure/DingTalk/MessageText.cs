using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Web.Infrastructure.DingTalk;

/// <summary>
/// What every work notification the portal writes needs: links DingTalk opens in its own client, and
/// markdown in which text written by people or by a client system shows as that text and nothing else:
/// it cannot add links, headings, lists or quotes, nor leave the line it was put in.
/// </summary>
public static partial class MessageText
{
    /// <summary>Every ASCII character markdown gives a meaning to, bar the two handled in context below.</summary>
    private const string Marks = "\\`*_{}[]()#+-!|<>~&=";

    /// <summary>Opens the page in DingTalk's in-app browser (a side panel on the desktop client).</summary>
    public static string InDingTalk(string url) =>
        "dingtalk://dingtalkclient/page/link?url=" + Uri.EscapeDataString(url) + "&pc_slide=true";

    /// <summary>Text of several lines (a description): each line escaped, the breaks kept as paragraphs of their own.</summary>
    public static string Escape(string text) =>
        string.Join("\n\n", text.ReplaceLineEndings("\n").Split('\n').Select(Line).Where(line => line.Length > 0));

    /// <summary>Text for one line (a heading, a field): line breaks and other control characters become spaces.</summary>
    public static string Line(string text)
    {
        var plain = LineBreaks().Replace(text, " ").Trim();
        var escaped = new StringBuilder(plain.Length + 16);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (Marks.Contains(c, StringComparison.Ordinal) || StartsLink(plain, i) || EndsListNumber(plain, i))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // "https://…" and "www.…" become links by themselves; escaping their ':' or '.' keeps them text.
    private static bool StartsLink(string text, int i) =>
        (text[i] == ':' && text.AsSpan(i).StartsWith("://", StringComparison.Ordinal))
        || (text[i] == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\s*[\p{Cc}\u2028\u2029]+\s*")]
    private static partial Regex LineBreaks();

    // "1. " at the start of a line would begin a numbered list.
    private static bool EndsListNumber(string text, int i) =>
        text[i] is '.' or ')' && i > 0 && text[..i].All(char.IsAsciiDigit);
}
