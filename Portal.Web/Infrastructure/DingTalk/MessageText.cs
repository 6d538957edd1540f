namespace Portal.Web.Infrastructure.DingTalk;

/// <summary>What every work notification the portal writes needs: links DingTalk opens in its own client, and markdown that text cannot restyle.</summary>
public static class MessageText
{
    /// <summary>Opens the page in DingTalk's in-app browser (a side panel on the desktop client).</summary>
    public static string InDingTalk(string url) =>
        "dingtalk://dingtalkclient/page/link?url=" + Uri.EscapeDataString(url) + "&pc_slide=true";

    /// <summary>Markdown control characters in a title or a client's text would restyle the card.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
}
