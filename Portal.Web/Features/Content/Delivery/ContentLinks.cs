using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>Where an item is read, as a portal address and as a link DingTalk opens inside its own client.</summary>
public sealed class ContentLinks(PublicAddress address)
{
    public const string ItemPath = "/content/";

    public string Item(Guid articleId) => address.Of(ItemPath + articleId.ToString("D"));

    /// <summary>Opens the page in DingTalk's in-app browser (a side panel on the desktop client).</summary>
    public static string InDingTalk(string url) =>
        "dingtalk://dingtalkclient/page/link?url=" + Uri.EscapeDataString(url) + "&pc_slide=true";
}
