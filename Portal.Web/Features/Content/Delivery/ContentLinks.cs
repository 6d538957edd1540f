using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>Where an item is read, and where it is edited and reviewed, as absolute portal addresses.</summary>
public sealed class ContentLinks(PublicAddress address)
{
    public const string ItemPath = "/content/";

    public string Item(Guid articleId) => address.Of(ItemPath + articleId.ToString("D"));

    public string Editor(Guid articleId) => address.Of("/editor/" + articleId.ToString("D"));
}
