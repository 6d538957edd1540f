using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Configuration;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>Where an item is read, as a portal address and as a link DingTalk opens inside its own client.</summary>
public sealed class ContentLinks(IOptionsMonitor<PortalOptions> options, IServer server)
{
    public const string ItemPath = "/content/";

    public string Item(Guid articleId) => Base() + ItemPath + articleId.ToString("D");

    /// <summary>Opens the page in DingTalk's in-app browser (a side panel on the desktop client).</summary>
    public static string InDingTalk(string url) =>
        "dingtalk://dingtalkclient/page/link?url=" + Uri.EscapeDataString(url) + "&pc_slide=true";

    private string Base()
    {
        var configured = options.CurrentValue.PublicUrl;
        return (string.IsNullOrWhiteSpace(configured) ? ListeningAddress.Of(server) ?? "http://localhost:5000" : configured).TrimEnd('/');
    }
}
