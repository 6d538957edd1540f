using System.Security.Claims;
using Portal.Domain.Integration;
using Portal.Web.Features.Integration.Keys;

namespace Portal.Web.Features.Integration.Api;

/// <summary>The integration client behind a request, as its accepted key describes it.</summary>
public sealed record IntegrationCaller(Guid Id, string Name, bool CanPublish)
{
    public static IntegrationCaller From(ClaimsPrincipal user) =>
        new(
            user.IntegrationClientId() ?? throw new InvalidOperationException("The endpoint must require an integration key."),
            user.Identity?.Name ?? "",
            user.HasScope(IntegrationClient.ContentPublish));
}
