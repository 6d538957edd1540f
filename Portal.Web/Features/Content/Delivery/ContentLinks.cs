using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>Where an item is read, as an absolute portal address.</summary>
public sealed class ContentLinks(PublicAddress address)
{
    public const string ItemPath = "/content/";

    public string Item(Guid articleId) => address.Of(ItemPath + articleId.ToString("D"));
}
