using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Demo;

/// <summary>What someone trying the portal finds after the README's run command, and again after a restart.</summary>
public sealed class DemoStartTests : IDisposable
{
    private readonly TempFolder simulatorFolder = new();

    public void Dispose() => simulatorFolder.Dispose();

    [Fact]
    public async Task A_fresh_demo_start_has_editors_approvers_admins_and_approval_requests_from_the_demo_OA_and_a_restart_adds_none()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var settings = DemoStart.Settings(simulatorFolder.Path);
        settings["Serilog:MinimumLevel:Override:Portal.Web.Features.Demo"] = "Debug";

        string first;
        await using (var portal = await PortalProcess.StartAsync(PortalAppFactory.FreePort(), database, settings))
        {
            await DemoStart.WaitForOutputAsync(portal, "Demo data added");
            first = await FootprintAsync(database);
        }

        var roles = await DemoStart.ReadAsync(database, db => db.Roles.Select(r => new { r.Key, Members = db.RoleMembers.Count(m => m.RoleId == r.Id) }).ToDictionaryAsync(r => r.Key, r => r.Members));
        Assert.All(new[] { "editor", "approver", "admin" }, key => Assert.True(roles[key] > 0, $"nobody is {key}"));
        var todos = await DemoStart.ReadAsync(database, db => db.Todos.AsNoTracking().Include(t => t.Assignees)
            .Where(t => db.IntegrationClients.Any(c => c.Id == t.ClientId && c.Name == "demo-oa")).ToListAsync());
        Assert.True(todos.Count >= 3, $"demo-oa sent {todos.Count} to-dos");
        Assert.All(todos, t => Assert.Equal(TodoStatus.Pending, t.Status));
        Assert.All(todos, t => Assert.NotEmpty(t.Assignees));
        // Only the API's upsert stores the request's hash and queues the assignees' DingTalk notifications.
        Assert.All(todos, t => Assert.NotEqual("", t.RequestHash));
        var announced = await DemoStart.ReadAsync(database, db => db.OutboxMessages.CountAsync(m => m.Kind == "todo.assigned"));
        Assert.Equal(todos.Sum(t => t.Assignees.Count), announced);

        await using (var portal = await PortalProcess.StartAsync(PortalAppFactory.FreePort(), database, settings))
        {
            await DemoStart.WaitForOutputAsync(portal, "Demo data already in place");
            Assert.DoesNotContain("Demo data added", portal.Output, StringComparison.Ordinal);
        }

        Assert.Equal(first, await FootprintAsync(database));
    }

    /// <summary>What the demo data consists of, as counts: a second start must leave it as it was.</summary>
    private static Task<string> FootprintAsync(TestDatabase database) => DemoStart.ReadAsync(database, async db =>
        $"rules={await db.RoleRules.CountAsync()} members={await db.RoleMembers.CountAsync()} articles={await db.Articles.CountAsync()} "
        + $"todos={await db.Todos.CountAsync()} assignees={await db.TodoAssignees.CountAsync()} audit={await db.AuditEntries.CountAsync()} "
        + $"assigned={await db.OutboxMessages.CountAsync(m => m.Kind == "todo.assigned")}");
}
