using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Integration.Todos.TodoTestKit;

namespace Portal.Tests.Integration.Todos;

/// <summary>A system that polls reads the decision; a decided to-do is neither reopened nor cancelled by the source.</summary>
public sealed class TodoDecisionReadTests : PortalTest
{
    [Fact]
    public async Task The_decision_is_read_back_and_the_decided_todo_stays_decided()
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");
        await PutAsync(Portal.Http, key, "PO-7", Todo());
        await using (var db = await Portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            var todo = await db.Todos.Include(t => t.Assignees).SingleAsync();
            var person = await db.People.SingleAsync(p => p.UserId == "td-1");
            todo.Decide(person.Id, "reject", "预算不足", new DateTime(2026, 11, 24, 2, 10, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        }

        var read = await GetAsync(Portal.Http, key, "PO-7");
        var changed = Todo();
        changed["title"] = "改过的标题";
        var reopen = await PutAsync(Portal.Http, key, "PO-7", changed);
        var cancel = await DeleteAsync(Portal.Http, key, "PO-7");

        Assert.Equal((200, "done"), (read.Status, read.ItemStatus));
        var decision = read.Json.GetProperty("decision");
        Assert.Equal(("reject", "预算不足"), (decision.GetProperty("action").GetString(), decision.GetProperty("comment").GetString()));
        Assert.Equal(("td-1", "待办人1"), (decision.GetProperty("decidedBy").GetProperty("userId").GetString(), decision.GetProperty("decidedBy").GetProperty("name").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 2, 10, 0, TimeSpan.Zero), decision.GetProperty("decidedAt").GetDateTimeOffset());
        Assert.Equal((409, "todo-closed"), (reopen.Status, reopen.Code));
        Assert.Equal((200, "done"), (cancel.Status, cancel.ItemStatus));
        Assert.Equal("todos=1 assignees=1 todo.assigned=1 todo.mirror=1", await FootprintAsync(Portal.Services));
    }
}
