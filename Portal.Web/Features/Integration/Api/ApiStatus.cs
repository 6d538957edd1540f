using Portal.Domain.Content;

namespace Portal.Web.Features.Integration.Api;

/// <summary>An item's state as the API names it; an approved item with a publish time is "scheduled".</summary>
public static class ApiStatus
{
    public static string Of(ContentStatus status, DateTime? publishAt) => status switch
    {
        ContentStatus.Approved when publishAt is not null => "scheduled",
        _ => status.ToString().ToLowerInvariant(),
    };
}
