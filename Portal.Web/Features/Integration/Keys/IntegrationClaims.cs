using System.Security.Claims;

namespace Portal.Web.Features.Integration.Keys;

/// <summary>
/// What an accepted integration key says about its client. The claim types differ from a person's
/// session on purpose: nothing that reads a person id ever mistakes a client for a person.
/// </summary>
public static class IntegrationClaims
{
    public const string Scheme = "integration-key";
    public const string ClientId = "integration_client_id";
    public const string Scope = "scope";

    public static Guid? IntegrationClientId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClientId), out var id) ? id : null;

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.HasClaim(c => c.Type == Scope && c.Value == scope);
}
