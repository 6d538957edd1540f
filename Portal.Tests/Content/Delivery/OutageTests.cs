using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Outbox;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Delivery;

/// <summary>DingTalk down in the middle of a push, then back: everyone gets the item once. A refused message is given up at once.</summary>
public sealed class OutageTests
{
    private static readonly Dictionary<string, string?> OneAtATime = new()
    {
        ["Outbox:BatchSize"] = "1",
        ["Outbox:BaseDelaySeconds"] = "2",
        ["Outbox:MaxDelaySeconds"] = "60",
    };

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task An_outage_during_a_push_followed_by_recovery_delivers_everything_exactly_once(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider, OneAtATime);
        var (id, audience, excluded) = await EveryoneButOneAsync(host, "系统升级公告");
        var relay = host.Relay;

        Assert.Equal(1, await relay.RunOnceAsync(CancellationToken.None));
        await host.SetFaultsAsync(new { outage = "unavailable" });
        Assert.True(await host.DrainAsync() >= 2);
        await AssertWaitingForRetryAsync(host);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.SetFaultsAsync(new { outage = "connectionReset" });
        Assert.True(await host.DrainAsync() >= 2);
        await AssertWaitingForRetryAsync(host);

        await host.SetFaultsAsync(new { outage = "none" });
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.DrainAsync();

        var received = await host.ReceivedAsync("系统升级公告");
        Assert.All(received, pair => Assert.Equal(audience.Contains(pair.Key) ? 1 : 0, pair.Value));
        Assert.Equal(0, received[excluded]);
        await using (var db = host.Db())
        {
            Assert.True(await db.NotificationCalls.AllAsync(c => c.TaskId != null));
            Assert.True(await db.OutboxMessages.Where(m => m.Kind == "content.notification").AllAsync(m => m.Status == OutboxStatus.Delivered));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.Kind == "content.notification" && m.Attempts > 0), "some calls must have been retried");
        }

        var receipts = await host.ReceiptsAsync(id);
        Assert.Equal(audience.Order(), receipts.Keys.Order());
    }

    [Fact]
    public async Task A_message_DingTalk_refuses_is_dead_lettered_on_the_first_attempt()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: OneAtATime);
        var (id, _, _) = await EveryoneButOneAsync(host, "链接错误的通知");
        await using (var db = host.Db())
        {
            // A link DingTalk calls unsafe (40048): sending it again would only be refused again.
            var unsafeLink = """{"msgtype":"link","link":{"messageUrl":"javascript:alert(1)","picUrl":"https://example.com/a.png","title":"t","text":"x"}}""";
            await db.NotificationDispatches.Where(d => d.ArticleId == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.Message, unsafeLink));
        }

        await host.DrainAsync();

        await using var check = host.Db();
        var messages = await check.OutboxMessages.Where(m => m.Kind == "content.notification").ToListAsync();
        Assert.All(messages, m =>
        {
            Assert.Equal(OutboxStatus.DeadLettered, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Contains("40048", m.LastError, StringComparison.Ordinal);
        });
        Assert.True(await check.NotificationCalls.AllAsync(c => c.TaskId == null));
    }

    private static async Task AssertWaitingForRetryAsync(DeliveryPortal host)
    {
        await using var db = host.Db();
        var waiting = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.Kind == "content.notification").ToListAsync();
        Assert.True(waiting.Count >= 2, $"{waiting.Count} messages waiting");
        Assert.All(waiting, m => Assert.True(m.Attempts >= 1 && m.NextAttemptAt > host.Now, $"{m.Kind} {m.Id} should wait for a retry"));
    }

    /// <summary>A notice to everyone but one person: calls of up to 100 listed people each.</summary>
    internal static async Task<(Guid Id, HashSet<string> Audience, string Excluded)> EveryoneButOneAsync(DeliveryPortal host, string title)
    {
        var people = await host.ActiveUserIdsAsync();
        var excluded = people[^1];
        var audience = new Audience { Everyone = true };
        audience.Rules.Add(AudienceRule.ForPerson(await host.PersonAsync(excluded), exclude: true));
        var id = await host.ApprovedAsync(ContentKind.News, title, audience);
        var outcome = await host.PublishAsync(id);
        Assert.True(outcome.Plan!.CallCount >= 3, $"{outcome.Plan.CallCount} calls");
        return (id, [.. people.SkipLast(1)], excluded);
    }
}
