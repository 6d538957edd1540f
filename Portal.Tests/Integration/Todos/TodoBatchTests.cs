using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;
using static Portal.Tests.Integration.Todos.TodoTestKit;

namespace Portal.Tests.Integration.Todos;

/// <summary>POST /api/v1/todos/batch: per-item results in order; bad items are reported and the rest applied.</summary>
public sealed class TodoBatchTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_batch_of_600_with_bad_items_applies_the_good_ones(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Integration:RequestsPerMinute"] = "1000" }, provider);
        await SeedPeopleAsync(portal.Services, 50);
        var key = await IssueTodoKeyAsync(portal.Services, "oa");
        var existing = await PutAsync(portal.Http, key, "B-0", Item(0));
        var items = new JsonArray();
        for (var i = 0; i < 600; i++)
        {
            var item = Item(i);
            item["externalId"] = $"B-{i}";
            if (i % 100 == 7)
            {
                item["assignees"] = new JsonArray(new JsonObject { ["mobile"] = "13000000000" });
            }
            else if (i % 100 == 8)
            {
                item["due"] = "tomorrow";
            }

            items.Add(item);
        }

        items.Add(new JsonObject { ["externalId"] = "B-1", ["title"] = "重复" });
        items.Add(JsonValue.Create(5));

        var answer = await BatchAsync(portal.Http, key, new JsonObject { ["items"] = items });

        Assert.Equal(200, answer.Status);
        var results = answer.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(602, results.Count);
        Assert.Equal((200, existing.Id), (results[0].GetProperty("status").GetInt32(), results[0].GetProperty("id").GetGuid()));
        Assert.Equal(201, results[1].GetProperty("status").GetInt32());
        Assert.Equal("assignees[0].mobile", results[7].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(("due", "bad-date"), (results[8].GetProperty("errors")[0].GetProperty("field").GetString(), results[8].GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal(400, results[600].GetProperty("status").GetInt32());
        Assert.Equal(400, results[601].GetProperty("status").GetInt32());
        Assert.Equal(588, results.Count(r => r.GetProperty("status").GetInt32() is 200 or 201));
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(588, await db.Todos.CountAsync());

        var replay = await BatchAsync(portal.Http, key, new JsonObject { ["items"] = JsonNode.Parse(items.ToJsonString()) });
        Assert.Equal(588, replay.Json.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("status").GetInt32() == 200));
        Assert.Equal(588, await db.Todos.CountAsync());
    }

    [Fact]
    public async Task A_batch_closes_a_pending_to_do_and_leaves_the_others_in_order()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Integration:RequestsPerMinute"] = "1000" });
        await SeedPeopleAsync(portal.Services, 5);
        var key = await IssueTodoKeyAsync(portal.Services, "oa");
        await PutAsync(portal.Http, key, "C-0", Item(0));
        var closing = Item(0);
        closing["externalId"] = "C-0";
        closing["status"] = "cancelled";
        var fresh = Item(1);
        fresh["externalId"] = "C-1";

        var answer = await BatchAsync(portal.Http, key, new JsonObject { ["items"] = new JsonArray(closing, fresh) });

        var results = answer.Json.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("externalId").GetString(), r.GetProperty("status").GetInt32())).ToList();
        Assert.Equal([("C-0", 200), ("C-1", 201)], results);
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(Portal.Domain.Todos.TodoStatus.Cancelled, (await db.Todos.SingleAsync(t => t.ExternalId == "C-0")).Status);
        Assert.Equal(Portal.Domain.Todos.TodoStatus.Pending, (await db.Todos.SingleAsync(t => t.ExternalId == "C-1")).Status);
    }

    [Fact]
    public async Task More_than_1000_items_is_a_400()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var key = await IssueTodoKeyAsync(portal.Services, "oa");
        var items = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode)new JsonObject { ["externalId"] = $"X-{i}" })]);

        var answer = await BatchAsync(portal.Http, key, new JsonObject { ["items"] = items });

        Assert.Equal((400, "too-many", "items"), (answer.Status, answer.Code, answer.Field));
    }

    private static JsonObject Item(int i) => Todo(new { userId = $"td-{(i % 50) + 1}" });
}
