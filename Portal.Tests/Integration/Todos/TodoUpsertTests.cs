using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;
using static Portal.Tests.Integration.Todos.TodoTestKit;

namespace Portal.Tests.Integration.Todos;

/// <summary>PUT /api/v1/todos/{externalId}: created once, the same body again changes nothing, a change is mirrored.</summary>
public sealed class TodoUpsertTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Integration:RequestsPerMinute"] = "1000" };

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Create_then_the_same_body_then_a_change(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(Settings, provider);
        await SeedPeopleAsync(portal.Services);
        var key = await IssueTodoKeyAsync(portal.Services, "oa");

        var created = await PutAsync(portal.Http, key, "PO-118", Todo());
        var afterCreate = await FootprintAsync(portal.Services);
        var again = await PutAsync(portal.Http, key, "PO-118", Todo());
        var afterAgain = await FootprintAsync(portal.Services);

        Assert.Equal(201, created.Status);
        Assert.Equal("/api/v1/todos/PO-118", created.Response.Headers.Location!.OriginalString);
        Assert.Equal(("PO-118", "pending"), (created.Json.GetProperty("externalId").GetString(), created.ItemStatus));
        Assert.EndsWith("/todos/" + created.Id.ToString("D"), created.Json.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(created.Json.GetProperty("url").GetString(), UriKind.Absolute));
        Assert.False(created.Json.TryGetProperty("decision", out _));
        Assert.Equal($"todos=1 assignees=1 {TodoOutbox.AssignedKind}=1 {TodoOutbox.MirrorKind}=1", afterCreate);
        Assert.Equal(200, again.Status);
        Assert.Equal(created.Json.ToString(), again.Json.ToString());
        Assert.Equal(afterCreate, afterAgain);

        var changed = Todo(new { userId = "td-1" }, new { mobile = "13900000002" });
        changed["title"] = "采购申请 PO-2026-118（已修改）";
        var update = await PutAsync(portal.Http, key, "PO-118", changed);

        Assert.Equal((200, created.Id), (update.Status, update.Id));
        Assert.Equal($"todos=1 assignees=2 {TodoOutbox.AssignedKind}=2 {TodoOutbox.MirrorKind}=2", await FootprintAsync(portal.Services));
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var todo = await db.Todos.SingleAsync();
        Assert.Equal(("采购申请 PO-2026-118（已修改）", 30, new DateTime(2026, 11, 30, 10, 0, 0)), (todo.Title, todo.Priority, todo.DueAt!.Value));
        Assert.Contains("\"requiresComment\":true", todo.Actions, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Concurrent_identical_puts_make_exactly_one_todo(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(Settings, provider);
        await SeedPeopleAsync(portal.Services);
        var key = await IssueTodoKeyAsync(portal.Services, "oa");
        var body = Todo(new { userId = "td-1" }, new { jobNumber = "J0002" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PutAsync(portal.Http, key, "burst-1", body)));

        Assert.All(answers, a => Assert.Contains(a.Status, new[] { 200, 201 }));
        Assert.Single(answers, a => a.Status == 201);
        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Equal($"todos=1 assignees=2 {TodoOutbox.AssignedKind}=2 {TodoOutbox.MirrorKind}=1", await FootprintAsync(portal.Services));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Status_closes_at_the_source_and_a_closed_todo_is_not_reopened(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(Settings, provider);
        await SeedPeopleAsync(portal.Services);
        var key = await IssueTodoKeyAsync(portal.Services, "oa");
        await PutAsync(portal.Http, key, "PO-9", Todo());
        var done = Todo();
        done["status"] = "done";

        var closed = await PutAsync(portal.Http, key, "PO-9", done);
        var reopen = Todo();
        reopen["title"] = "再来一次";
        var refused = await PutAsync(portal.Http, key, "PO-9", reopen);

        Assert.Equal((200, "done"), (closed.Status, closed.ItemStatus));
        Assert.Equal($"todos=1 assignees=1 {TodoOutbox.AssignedKind}=1 {TodoOutbox.MirrorKind}=2", await FootprintAsync(portal.Services));
        Assert.Equal((409, "todo-closed", "status"), (refused.Status, refused.Code, refused.Field));
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var todo = await db.Todos.SingleAsync();
        Assert.Equal((TodoStatus.Done, "采购申请 PO-2026-118"), (todo.Status, todo.Title));
    }
}
