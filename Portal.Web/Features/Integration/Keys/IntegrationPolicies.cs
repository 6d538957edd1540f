using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Integration;

namespace Portal.Web.Features.Integration.Keys;

/// <summary>One policy per scope; each accepts only an integration key, never a person's session.</summary>
public static class IntegrationPolicies
{
    private const string Prefix = "integration:";

    public static string For(string scope) => Prefix + scope;

    public static string? ScopeOf(string? policy) =>
        policy is not null && policy.StartsWith(Prefix, StringComparison.Ordinal) ? policy[Prefix.Length..] : null;

    public static void Add(AuthorizationOptions options)
    {
        foreach (var scope in IntegrationClient.AllScopes)
        {
            options.AddPolicy(For(scope), policy => policy
                .AddAuthenticationSchemes(IntegrationClaims.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(IntegrationClaims.Scope, scope));
        }
    }
}
