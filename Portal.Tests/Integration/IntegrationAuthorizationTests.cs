using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Audiences;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Integration.Keys;
using Portal.Web.Features.Roles;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>
/// The integration routes in the authorization matrix: the API answers only integration keys with the
/// right scope (never a person's session), the admin page only admins.
/// </summary>
public sealed class IntegrationAuthorizationTests : PortalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Integration:RequestsPerMinute"] = "1000" };

    [Theory]
    [InlineData("POST", "/api/v1/content")]
    [InlineData("GET", "/api/v1/content/{id}")]
    public void The_API_routes_declare_the_content_write_policy_which_accepts_only_integration_keys(string method, string pattern)
    {
        var endpoint = Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == pattern && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Contains(method));
        var policyName = Assert.Single(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()).Policy;
        var policy = Portal.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.GetPolicy(policyName!)!;

        Assert.Equal(IntegrationPolicies.For(IntegrationClient.ContentWrite), policyName);
        Assert.Equal([IntegrationClaims.Scheme], policy.AuthenticationSchemes);
        Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
    }

    [Fact]
    public async Task Keys_by_scope_and_sessions_by_role_get_exactly_what_the_routes_allow()
    {
        var keys = new Dictionary<string, string?>
        {
            ["no key"] = null,
            ["todos:write"] = await IssueKeyAsync(Portal.Services, "todos", IntegrationClient.TodosWrite),
            ["content:publish only"] = await IssueKeyAsync(Portal.Services, "publish-only", IntegrationClient.ContentPublish),
            ["content:write"] = await IssueKeyAsync(Portal.Services, "writer", IntegrationClient.ContentWrite),
            ["all scopes"] = await IssueKeyAsync(Portal.Services, "all", [.. IntegrationClient.AllScopes]),
        };
        var expected = new Dictionary<string, (int Post, int Get)>
        {
            ["no key"] = (401, 401),
            ["todos:write"] = (403, 403),
            ["content:publish only"] = (403, 403),
            ["content:write"] = (201, 404),
            ["all scopes"] = (201, 404),
        };
        var failures = new List<string>();
        foreach (var (who, key) in keys)
        {
            var post = await PostAsync(Portal.Http, key, News());
            var get = await GetAsync(Portal.Http, key, $"api/v1/content/{Guid.NewGuid()}");
            if ((post.Status, get.Status) != expected[who])
            {
                failures.Add($"{who}: expected {expected[who]}, got ({post.Status}, {get.Status})");
            }
        }

        foreach (var persona in new[] { Role.Employee, Role.Editor, Role.Approver, Role.Admin })
        {
            using var session = Browser();
            var userId = await TestSignIn.AsDemoPersonAsync(session, Array.IndexOf(Role.BuiltIn, persona) + 1);
            await TestRoles.GrantAsync(Portal.Services, userId, persona);
            var post = await PostAsync(session, null, News());
            if (post.Status != 401)
            {
                failures.Add($"{persona} session: expected 401 on the API, got {post.Status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Redirect, "/signin")]
    [InlineData(Role.Employee, HttpStatusCode.Redirect, "/forbidden")]
    [InlineData(Role.Editor, HttpStatusCode.Redirect, "/forbidden")]
    [InlineData(Role.Approver, HttpStatusCode.Redirect, "/forbidden")]
    [InlineData(Role.Admin, HttpStatusCode.OK, null)]
    public async Task Only_admins_open_the_integrations_page(string persona, HttpStatusCode status, string? redirect)
    {
        using var session = Browser();
        if (persona != "anonymous")
        {
            var userId = await TestSignIn.AsDemoPersonAsync(session);
            await TestRoles.GrantAsync(Portal.Services, userId, persona);
        }

        var response = await session.GetAsync(new Uri("/admin/integrations", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        if (redirect is not null)
        {
            var location = response.Headers.Location!;
            Assert.Equal(redirect, location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        }
        else
        {
            Assert.Contains("data-testid=\"issue-name\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
