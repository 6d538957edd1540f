using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk.Client.Messages;
using Portal.Domain.Content;
using Portal.Domain.Outbox;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Delivery;

namespace Portal.Tests.Content.Delivery;

/// <summary>
/// The portal dying in the middle of a push. What DingTalk has accepted is never shown twice: a call whose
/// task id was saved is not sent again, and one resent because the crash came first is dropped by DingTalk
/// as the same content to the same person on the same day (docs/decisions/0009-notification-idempotence.md).
/// </summary>
public sealed class CrashRecoveryTests
{
    private const string SendEndpoint = "oapi POST /topapi/message/corpconversation/asyncsend_v2";

    [Fact]
    public async Task A_call_resent_after_DingTalk_had_accepted_it_shows_nobody_a_duplicate()
    {
        await using var host = await DeliveryPortal.StartAsync();
        var (id, audience, excluded) = await OutageTests.EveryoneButOneAsync(host, "季度经营会议纪要");
        string[] firstCall;
        await using (var db = host.Db())
        {
            // DingTalk accepted the first call; the portal died before it could save the task id.
            var call = await db.NotificationCalls.Where(c => db.NotificationDispatches.Any(d => d.Id == c.DispatchId && d.ArticleId == id))
                .OrderBy(c => c.Index).FirstAsync();
            var message = FrozenMessage.Read(await db.NotificationDispatches.Where(d => d.Id == call.DispatchId).Select(d => d.Message).SingleAsync());
            firstCall = call.UserIds.Split(',');
            await host.Services.GetRequiredService<WorkNotificationClient>().SendAsync(new WorkNotification(message) { UserIds = firstCall }, CancellationToken.None);
        }

        await host.DrainAsync();

        var received = await host.ReceivedAsync("季度经营会议纪要");
        Assert.All(received, pair => Assert.Equal(audience.Contains(pair.Key) ? 1 : 0, pair.Value));
        Assert.Equal(0, received[excluded]);

        // DingTalk's own account of the resent call: each of its people already had this content today.
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.DrainAsync();
        var receipts = await host.ReceiptsAsync(id);
        Assert.All(firstCall, userId => Assert.Equal((NotificationOutcome.Forbidden, "143106"), (receipts[userId].Notification, receipts[userId].NotificationCode)));
        Assert.All(audience.Except(firstCall), userId => Assert.Equal(NotificationOutcome.Sent, receipts[userId].Notification));
    }

    [Fact]
    public async Task A_call_delivered_again_after_it_was_accepted_is_not_sent_again()
    {
        await using var host = await DeliveryPortal.StartAsync();
        var (id, audience, _) = await OutageTests.EveryoneButOneAsync(host, "安全生产月活动");
        await host.DrainAsync();
        var sends = (await host.StatsAsync(SendEndpoint)).Calls;

        // As after a crash between DingTalk's answer and the relay recording the delivery.
        await using (var db = host.Db())
        {
            await db.OutboxMessages.Where(m => m.Kind == NotificationQueue.SendKind).ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Pending));
        }

        var calls = (int)sends;
        Assert.Equal(calls, await host.DrainAsync());

        Assert.Equal(sends, (await host.StatsAsync(SendEndpoint)).Calls);
        await using var check = host.Db();
        Assert.Equal(calls, await check.NotificationCalls.CountAsync());
        Assert.Equal(calls, await check.OutboxMessages.CountAsync(m => m.Kind == SendResultCollector.KindName));
        Assert.True(await check.OutboxMessages.AllAsync(m => m.Status != OutboxStatus.DeadLettered));
        Assert.Equal(audience.Order(), (await host.ReceiptsAsync(id)).Keys.Order());
    }

    [Fact]
    public async Task Killing_the_portal_mid_dispatch_and_starting_it_again_loses_nothing_and_duplicates_nothing()
    {
        // This process hosts the simulated DingTalk and owns the database; a second process on the same
        // SQLite file does the dispatching and is killed, the way a crash or a redeploy ends it.
        // The second process runs on the wall clock, so this one's date is today's too.
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var host = await DeliveryPortal.StartAsync(clock: new FakeNowRealTimers(DateTimeOffset.UtcNow), database: database);
        var port = new Uri(host.Portal.BaseUrl).Port;
        var items = new List<(string Title, HashSet<string> Audience)>();
        for (var i = 1; i <= 6; i++)
        {
            var (_, audience, _) = await OutageTests.EveryoneButOneAsync(host, $"第{i}期内部通讯");
            items.Add(($"第{i}期内部通讯", audience));
        }

        var calls = await CountAsync(host, db => db.NotificationCalls.CountAsync());
        await host.SetFaultsAsync(new { latencyMs = 150 });
        var folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"));
        var dispatcher = Dispatcher(port, folder);

        var sender = await PortalProcess.StartAsync(PortalAppFactory.FreePort(), database, dispatcher);
        try
        {
            await KestrelPortal.EventuallyAsync(() => SentAsync(host), sent => sent >= 4, "the first calls to be accepted");
            await sender.KillAsync();
            var sentBeforeKill = await SentAsync(host);
            Assert.True(sentBeforeKill < calls, $"the kill came after all {calls} calls");

            await sender.DisposeAsync();
            sender = await PortalProcess.StartAsync(PortalAppFactory.FreePort(), database, dispatcher);
            await KestrelPortal.EventuallyAsync(
                () => CountAsync(host, db => db.OutboxMessages.CountAsync(m => m.Kind == NotificationQueue.SendKind && m.Status != OutboxStatus.Delivered)),
                pending => pending == 0,
                "the restarted portal to finish the push");
        }
        finally
        {
            await sender.DisposeAsync();
        }

        Assert.Equal(calls, await SentAsync(host));
        foreach (var (title, audience) in items)
        {
            var received = await host.ReceivedAsync(title);
            Assert.All(received, pair => Assert.True((audience.Contains(pair.Key) ? 1 : 0) == pair.Value, $"{pair.Key} received '{title}' {pair.Value} times"));
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The dispatching process: its DingTalk is this test's simulator, its relay takes one call at a time on a short lease.</summary>
    private static Dictionary<string, string> Dispatcher(int dingTalkPort, string simulatorFolder) => new()
    {
        ["DingTalk:OapiBaseUrl"] = $"http://127.0.0.1:{dingTalkPort}/_dingtalk/oapi",
        ["DingTalk:ApiBaseUrl"] = $"http://127.0.0.1:{dingTalkPort}/_dingtalk/api",
        ["DingTalk:Simulator:DataFolder"] = simulatorFolder,
        ["DingTalk:Simulator:CallbackUrl"] = "",
        ["Outbox:BatchSize"] = "1",
        ["Outbox:LeaseSeconds"] = "3",
        ["Outbox:PollSeconds"] = "1",
        ["Content:Delivery:ResultDelaySeconds"] = "3600",
        ["Content:Scheduler:Enabled"] = "false",
        ["Import:RunInBackground"] = "false",
    };

    private static Task<int> SentAsync(DeliveryPortal host) => CountAsync(host, db => db.NotificationCalls.CountAsync(c => c.TaskId != null));

    private static async Task<int> CountAsync(DeliveryPortal host, Func<Portal.Domain.Data.PortalDb, Task<int>> count)
    {
        await using var db = host.Db();
        return await count(db);
    }
}
