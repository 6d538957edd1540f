using Microsoft.EntityFrameworkCore;
using Portal.Domain.Outbox;
using Portal.Domain.Todos;
using Portal.Tests.Content.Delivery;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Todos.Delivery;

/// <summary>The to-do's mirror among the assignees' DingTalk to-dos: created once whatever is redelivered, then kept up to date.</summary>
public sealed class TodoMirrorTests
{
    private const string CreateEndpoint = "api POST /v1.0/todo/users/{unionId}/tasks";

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task The_mirror_exists_once_after_redelivery_and_is_done_when_the_to_do_is(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider, TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0], people[1]]);

        await host.DrainAsync();
        string taskId;
        await using (var db = host.Db())
        {
            taskId = Assert.IsType<string>(await db.Todos.Where(t => t.Id == todoId).Select(t => t.DingTalkTaskId).SingleAsync());

            // A crash after DingTalk created it but before the id was saved, then the message again, twice.
            await db.Todos.Where(t => t.Id == todoId).ExecuteUpdateAsync(set => set.SetProperty(t => t.DingTalkTaskId, (string?)null));
            var todo = await db.Todos.SingleAsync(t => t.Id == todoId);
            TodoOutbox.Mirror(db, todo, host.Now);
            TodoOutbox.Mirror(db, todo, host.Now);
            await db.SaveChangesAsync();
        }

        await host.DrainAsync();

        foreach (var userId in people.Take(2))
        {
            var mirror = Assert.Single(await TodoDeliveryKit.DingTalkTodosAsync(host, userId));
            Assert.Equal(taskId, mirror.GetProperty("id").GetString());
            Assert.Equal(todoId.ToString("D"), mirror.GetProperty("sourceId").GetString());
            Assert.Equal("差旅报销审批：张三 3,280 元", mirror.GetProperty("subject").GetString());
            Assert.Equal(30, mirror.GetProperty("priority").GetInt32());
            Assert.Contains(Uri.EscapeDataString($"/todos/{todoId:D}"), mirror.GetProperty("appUrl").GetString(), StringComparison.Ordinal);
            Assert.False(mirror.GetProperty("done").GetBoolean());
        }

        Assert.Empty(await TodoDeliveryKit.DingTalkTodosAsync(host, people[2]));
        await using (var db = host.Db())
        {
            Assert.Equal(taskId, await db.Todos.Where(t => t.Id == todoId).Select(t => t.DingTalkTaskId).SingleAsync());
        }

        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);
        await host.DrainAsync();

        var done = Assert.Single(await TodoDeliveryKit.DingTalkTodosAsync(host, people[0]));
        Assert.True(done.GetProperty("done").GetBoolean());
        Assert.Equal(taskId, done.GetProperty("id").GetString());
        Assert.True((await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.MirrorKind)).All(m => m.Status == OutboxStatus.Delivered));
        Assert.Equal(1, (await host.StatsAsync(CreateEndpoint)).Calls - (await host.StatsAsync(CreateEndpoint)).Errors);
    }

    [Fact]
    public async Task A_person_added_later_joins_the_same_mirror_and_gets_their_own_card()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]]);
        await host.DrainAsync();
        var taskId = Assert.Single(await TodoDeliveryKit.DingTalkTodosAsync(host, people[0])).GetProperty("id").GetString();

        await using (var db = host.Db())
        {
            var todo = await db.Todos.SingleAsync(t => t.Id == todoId);
            var added = await db.People.Where(p => p.UserId == people[1]).Select(p => p.Id).SingleAsync();
            db.TodoAssignees.Add(new TodoAssignee { TodoId = todoId, PersonId = added });
            todo.UpdatedAt = host.Now;
            TodoOutbox.Assigned(db, todo, added, host.Now);
            TodoOutbox.Mirror(db, todo, host.Now);
            await db.SaveChangesAsync();
        }

        await host.DrainAsync();

        Assert.Equal(taskId, Assert.Single(await TodoDeliveryKit.DingTalkTodosAsync(host, people[1])).GetProperty("id").GetString());
        Assert.Single(await TodoDeliveryKit.DingTalkTodosAsync(host, people[0]));
        Assert.Single(await host.InboxAsync(people[0]));
        Assert.Single(await host.InboxAsync(people[1]));
    }

    [Fact]
    public async Task A_to_do_cancelled_at_the_source_is_done_in_DingTalk()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]]);
        await host.DrainAsync();

        await using (var db = host.Db())
        {
            var todo = await db.Todos.SingleAsync(t => t.Id == todoId);
            todo.CloseAtSource(TodoStatus.Cancelled, host.Now);
            TodoOutbox.Mirror(db, todo, host.Now);
            await db.SaveChangesAsync();
        }

        await host.DrainAsync();

        Assert.True(Assert.Single(await TodoDeliveryKit.DingTalkTodosAsync(host, people[0])).GetProperty("done").GetBoolean());
    }
}
