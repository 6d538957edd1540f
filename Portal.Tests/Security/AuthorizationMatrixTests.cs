using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Audiences;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Roles;

namespace Portal.Tests.Security;

/// <summary>
/// Every page and endpoint declares who may use it, and the declaration holds for anonymous visitors
/// and for each built-in role.
/// </summary>
public sealed partial class AuthorizationMatrixTests : PortalTest
{
    private static readonly string[] Personas = ["anonymous", Role.Employee, Role.Editor, Role.Approver, Role.Admin];

    [Fact]
    public void Every_page_and_endpoint_declares_who_may_use_it()
    {
        var undeclared = Routes().Where(r => r.Anonymous is null).Select(r => r.Describe()).ToList();

        Assert.NotEmpty(Routes());
        Assert.True(undeclared.Count == 0, "no [Authorize]/[AllowAnonymous] on: " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task Each_persona_gets_exactly_what_the_declaration_allows()
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = Browser() };
        for (var i = 1; i < Personas.Length; i++)
        {
            var client = Browser();
            var userId = await TestSignIn.AsDemoPersonAsync(client, i);
            await TestRoles.GrantAsync(Portal.Services, userId, Personas[i]);
            clients[Personas[i]] = client;
        }

        var failures = new List<string>();
        foreach (var route in Routes())
        {
            foreach (var persona in Personas)
            {
                var expected = route.Allows(persona);
                var response = await SendAsync(clients[persona], route);
                var denied = IsDenied(response);
                if (denied == expected)
                {
                    failures.Add($"{route.Describe()} as {persona}: expected {(expected ? "allowed" : "denied")}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    // Denied: a 401/403 problem, or for pages the sign-in challenge (with ReturnUrl) or the forbidden page.
    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect
            && (RedirectPath(response) == "/forbidden"
                || (RedirectPath(response) == "/signin" && response.Headers.Location!.OriginalString.Contains("ReturnUrl=", StringComparison.Ordinal))));

    private static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.AbsolutePath
        : location.OriginalString.Split('?')[0];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, DeclaredRoute route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.SamplePath);
        if (route.Method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private List<DeclaredRoute> Routes()
    {
        var policies = Portal.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value;
        var routes = new List<DeclaredRoute>();
        foreach (var endpoint in Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsFramework(pattern) || endpoint.Metadata.Any(m => m.GetType().Name.StartsWith("StaticAsset", StringComparison.Ordinal)))
            {
                continue;
            }

            bool? anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? true
                : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 ? false
                : null;
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? Policies.Employee;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE"))
            {
                routes.Add(new DeclaredRoute(method, pattern, Sample(pattern), anonymous, policies.GetPolicy(policy) is null ? "?" + policy : policy));
            }
        }

        // Signing out ends the persona's session, so it goes last.
        return [.. routes.DistinctBy(r => r.Method + r.Pattern).OrderBy(r => r.Pattern == "/auth/signout")];
    }

    // DingTalk's own endpoints (the local simulator: authenticated by DingTalk tokens, never mapped in
    // Production) and the framework's are not the portal's to declare.
    private static bool IsFramework(string pattern) =>
        pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern.StartsWith("/_blazor", StringComparison.Ordinal)
        || pattern.StartsWith("/_content", StringComparison.Ordinal) || pattern.StartsWith("/_dingtalk", StringComparison.Ordinal)
        || pattern == "/Error";

    private static string Sample(string pattern) =>
        RouteParameter().Replace(pattern, match => match.Groups[1].Value.ToUpperInvariant() switch
        {
            "CULTURE" => "zh-CN",
            "ID" => "0196a2c4-0000-7000-8000-000000000001",
            _ => "someone-else",
        }).Replace("{**path}", "x", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private sealed record DeclaredRoute(string Method, string Pattern, string SamplePath, bool? Anonymous, string Policy)
    {
        public bool Allows(string persona) => Anonymous == true || (persona != "anonymous" && (Policy == Policies.Employee || Policy == persona));

        public string Describe() => $"{Method} {Pattern} [{(Anonymous == true ? "anonymous" : Policy)}]";
    }
}
