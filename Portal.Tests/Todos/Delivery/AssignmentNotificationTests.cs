using Microsoft.EntityFrameworkCore;
using Portal.Domain.Outbox;
using Portal.Tests.Content.Delivery;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Todos.Delivery;

/// <summary>A new assignee hears of the to-do once, in DingTalk, with a button per action that opens the portal.</summary>
public sealed class AssignmentNotificationTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Each_assignee_gets_one_card_with_the_actions_even_when_the_message_is_replayed(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider, TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0], people[1]]);

        await host.DrainAsync();

        // An admin replays the delivered messages: the recorded notification is not sent again.
        await using (var db = host.Db())
        {
            foreach (var message in await db.OutboxMessages.Where(m => m.Kind == TodoOutbox.AssignedKind).ToListAsync())
            {
                message.Retry(host.Now);
            }

            await db.SaveChangesAsync();
        }

        await host.DrainAsync();

        foreach (var userId in people.Take(2))
        {
            var inbox = await host.InboxAsync(userId);
            var card = Assert.Single(inbox).GetProperty("message").GetProperty("action_card");
            Assert.Equal("【待办】差旅报销审批：张三 3,280 元", card.GetProperty("title").GetString());
            Assert.Contains("3,280 元", card.GetProperty("markdown").GetString(), StringComparison.Ordinal);
            var buttons = card.GetProperty("btn_json_list").EnumerateArray().ToList();
            Assert.Equal(["同意", "拒绝", "查看详情"], buttons.Select(b => b.GetProperty("title").GetString()));
            Assert.All(buttons, b =>
            {
                var url = b.GetProperty("action_url").GetString()!;
                Assert.StartsWith("dingtalk://dingtalkclient/page/link?url=", url, StringComparison.Ordinal);
                Assert.Contains(Uri.EscapeDataString($"/todos/{todoId:D}"), url, StringComparison.Ordinal);
            });
            Assert.All(buttons.Take(2), b => Assert.Contains(
                Uri.EscapeDataString($"/todos/{todoId:D}/act?action="), b.GetProperty("action_url").GetString()!, StringComparison.Ordinal));
        }

        Assert.Empty(await host.InboxAsync(people[2]));
        await using var check = host.Db();
        Assert.True(await check.TodoAssignees.Where(a => a.TodoId == todoId).AllAsync(a => a.NotifiedAt == host.Now));
        Assert.True(await check.OutboxMessages.Where(m => m.Kind == TodoOutbox.AssignedKind).AllAsync(m => m.Status == OutboxStatus.Delivered));
    }

    [Fact]
    public async Task DingTalk_down_while_announcing_is_retried_and_the_card_arrives_once()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        await TodoDeliveryKit.SeedAsync(host, [people[0]]);
        await host.SetFaultsAsync(new { outage = "unavailable" });

        await host.DrainAsync();
        Assert.Empty(await host.InboxAsync(people[0]));
        Assert.Equal(1, Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.AssignedKind)).Attempts);

        await host.SetFaultsAsync(new { outage = "none" });
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.DrainAsync();

        Assert.Single(await host.InboxAsync(people[0]));
        Assert.Equal(OutboxStatus.Delivered, Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.AssignedKind)).Status);
    }
}
