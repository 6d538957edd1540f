using Portal.Domain.Integration;

namespace Portal.Web.Features.Integration.Admin;

public static class IntegrationScopes
{
    /// <summary>The known scopes among <paramref name="scopes"/>, in the catalogue's order, space-separated as stored.</summary>
    public static string Normalize(IEnumerable<string> scopes)
    {
        var chosen = scopes.ToHashSet(StringComparer.Ordinal);
        return string.Join(' ', IntegrationClient.AllScopes.Where(chosen.Contains));
    }

    public static IReadOnlyList<string> Split(string scopes) => scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
