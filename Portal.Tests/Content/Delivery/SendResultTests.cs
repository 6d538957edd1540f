using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Delivery;

/// <summary>What DingTalk reports per recipient of a call to listed people: read, dropped (and why), failed, or just delivered.</summary>
public sealed class SendResultTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Each_recipient_gets_the_outcome_DingTalk_reported(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider);
        var people = await host.ActiveUserIdsAsync();
        var (reader, repeat, capped, gone, plain) = (people[1], people[2], people[3], people[4], people[5]);
        var audience = new Audience();
        foreach (var userId in new[] { reader, repeat, capped, gone, plain })
        {
            audience.Rules.Add(AudienceRule.ForPerson(await host.PersonAsync(userId)));
        }

        var id = await host.ApprovedAsync(ContentKind.Notice, "报销制度调整", audience);
        await host.PublishAsync(id);
        var notifications = host.Services.GetRequiredService<WorkNotificationClient>();
        await using (var db = host.Db())
        {
            // One already has this very message today; one has had their one message of the day; one has left.
            var frozen = await db.NotificationDispatches.Where(d => d.ArticleId == id).Select(d => d.Message).SingleAsync();
            await notifications.SendAsync(new WorkNotification(FrozenMessage.Read(frozen)) { UserIds = [repeat] }, CancellationToken.None);
            await notifications.SendAsync(new WorkNotification(WorkMessage.ForText("今日值班安排")) { UserIds = [capped] }, CancellationToken.None);
        }

        await host.SetFaultsAsync(new { dailyMessagesPerUser = 1 });
        await host.Services.GetRequiredService<UserClient>().DeleteAsync(gone, CancellationToken.None);
        Assert.Equal(1, await host.DrainAsync());
        Assert.All((await host.ReceiptsAsync(id)).Values, r => Assert.Equal(NotificationOutcome.Sent, r.Notification));

        var card = (await host.InboxAsync(reader)).First();
        using (var opened = await host.Http.PostAsync(new Uri($"_dingtalk/_control/users/{reader}/messages/{card.GetProperty("id").GetInt64()}/read", UriKind.Relative), null))
        {
            opened.EnsureSuccessStatusCode();
        }

        host.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await host.DrainAsync());
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.DrainAsync());

        var receipts = await host.ReceiptsAsync(id);
        Assert.Equal((NotificationOutcome.Read, (string?)null), (receipts[reader].Notification, receipts[reader].NotificationCode));
        Assert.Equal((NotificationOutcome.Forbidden, "143106"), (receipts[repeat].Notification, receipts[repeat].NotificationCode));
        Assert.Equal((NotificationOutcome.Forbidden, "143105"), (receipts[capped].Notification, receipts[capped].NotificationCode));
        Assert.Equal(NotificationOutcome.Failed, receipts[gone].Notification);
        Assert.Equal(NotificationOutcome.Sent, receipts[plain].Notification);
        Assert.All(receipts.Values, r => Assert.Null(r.ReadAt));
        Assert.All(receipts.Values, r => Assert.NotNull(r.NotifiedAt));
        await using var check = host.Db();
        Assert.NotNull(await check.NotificationCalls.Where(c => check.NotificationDispatches.Any(d => d.Id == c.DispatchId && d.ArticleId == id)).Select(c => c.ResultAt).SingleAsync());
    }

    [Fact]
    public async Task A_result_no_longer_available_is_not_asked_for()
    {
        await using var host = await DeliveryPortal.StartAsync();
        var audience = new Audience();
        audience.Rules.Add(AudienceRule.ForPerson(await host.PersonAsync((await host.ActiveUserIdsAsync())[1])));
        var id = await host.ApprovedAsync(ContentKind.News, "过期的结果", audience);
        await host.PublishAsync(id);
        Assert.Equal(1, await host.DrainAsync());

        // The relay was down for more than a day: DingTalk keeps a send result for 24 hours only.
        host.Time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, await host.DrainAsync());

        Assert.Equal(0, (await host.StatsAsync("oapi POST /topapi/message/corpconversation/getsendresult")).Calls);
        Assert.All((await host.ReceiptsAsync(id)).Values, r => Assert.Equal(NotificationOutcome.Sent, r.Notification));
        await using var db = host.Db();
        Assert.True(await db.OutboxMessages.AllAsync(m => m.Status == Portal.Domain.Outbox.OutboxStatus.Delivered));
    }
}
