using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Integration.Keys;
using static Portal.Tests.Integration.Todos.TodoTestKit;

namespace Portal.Tests.Integration.Todos;

/// <summary>Each client sees and cancels only its own to-dos; keys need todos:write; a disabled client is refused.</summary>
public sealed class TodoAccessTests : PortalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Integration:RequestsPerMinute"] = "1000" };

    [Theory]
    [InlineData("PUT", "/api/v1/todos/{externalId}")]
    [InlineData("GET", "/api/v1/todos/{externalId}")]
    [InlineData("DELETE", "/api/v1/todos/{externalId}")]
    [InlineData("POST", "/api/v1/todos/batch")]
    public void The_todo_routes_declare_the_todos_write_policy(string method, string pattern)
    {
        var endpoint = Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == pattern && e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains(method));

        Assert.Equal(IntegrationPolicies.For(IntegrationClient.TodosWrite), Assert.Single(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()).Policy);
        Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
    }

    [Fact]
    public async Task Keys_by_scope_get_exactly_what_the_todo_routes_allow()
    {
        await SeedPeopleAsync(Portal.Services);
        var keys = new Dictionary<string, (string? Key, int Expected)>
        {
            ["no key"] = (null, 401),
            ["content:write"] = (await IntegrationTestKit.IssueKeyAsync(Portal.Services, "writer", IntegrationClient.ContentWrite), 403),
            ["todos:write"] = (await IssueTodoKeyAsync(Portal.Services, "todos"), 201),
        };
        var failures = new List<string>();
        foreach (var (who, (key, expected)) in keys)
        {
            var put = await PutAsync(Portal.Http, key, "M-" + who, Todo());
            var get = await GetAsync(Portal.Http, key, "M-" + who);
            var delete = await DeleteAsync(Portal.Http, key, "M-" + who);
            var batch = await BatchAsync(Portal.Http, key, new JsonObject { ["items"] = new JsonArray() });
            var ok = expected == 201 ? (201, 200, 200, 400) : (expected, expected, expected, expected);
            if ((put.Status, get.Status, delete.Status, batch.Status) != ok)
            {
                failures.Add($"{who}: expected {ok}, got ({put.Status}, {get.Status}, {delete.Status}, {batch.Status})");
            }
        }

        using var session = await SignedInBrowserAsync();
        var asPerson = await PutAsync(session, null, "M-session", Todo());
        if (asPerson.Status != 401)
        {
            failures.Add($"a signed-in person: expected 401, got {asPerson.Status}");
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Another_client_cannot_read_or_cancel_a_todo_and_cancel_is_idempotent()
    {
        await SeedPeopleAsync(Portal.Services);
        var oa = await IssueTodoKeyAsync(Portal.Services, "oa");
        var erp = await IssueTodoKeyAsync(Portal.Services, "erp");
        var created = await PutAsync(Portal.Http, oa, "SHARED-1", Todo());

        var erpGet = await GetAsync(Portal.Http, erp, "SHARED-1");
        var erpDelete = await DeleteAsync(Portal.Http, erp, "SHARED-1");
        var stillPending = await GetAsync(Portal.Http, oa, "SHARED-1");
        var cancelled = await DeleteAsync(Portal.Http, oa, "SHARED-1");
        var cancelledAgain = await DeleteAsync(Portal.Http, oa, "SHARED-1");

        Assert.Equal((404, "not-found"), (erpGet.Status, erpGet.Code));
        Assert.Equal((404, "not-found"), (erpDelete.Status, erpDelete.Code));
        Assert.Equal((200, created.Id, "pending"), (stillPending.Status, stillPending.Id, stillPending.ItemStatus));
        Assert.Equal((200, "cancelled"), (cancelled.Status, cancelled.ItemStatus));
        Assert.Equal((200, "cancelled"), (cancelledAgain.Status, cancelledAgain.ItemStatus));
        Assert.Equal("todos=1 assignees=1 todo.assigned=1 todo.mirror=2", await FootprintAsync(Portal.Services));

        var erpOwn = await PutAsync(Portal.Http, erp, "SHARED-1", Todo());
        Assert.Equal(201, erpOwn.Status);
        Assert.NotEqual(created.Id, erpOwn.Id);
    }

    [Fact]
    public async Task A_disabled_client_is_refused_and_enabled_again_accepted()
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");
        await SetEnabledAsync("oa", false);

        var refused = await PutAsync(Portal.Http, key, "D-1", Todo());
        await SetEnabledAsync("oa", true);
        var accepted = await PutAsync(Portal.Http, key, "D-1", Todo());

        Assert.Equal((401, "disabled-client"), (refused.Status, refused.Code));
        Assert.Equal(201, accepted.Status);
    }

    private async Task SetEnabledAsync(string name, bool enabled)
    {
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        await db.IntegrationClients.Where(c => c.Name == name).ExecuteUpdateAsync(set => set.SetProperty(c => c.Enabled, enabled));
    }
}
