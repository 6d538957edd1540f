using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Scheduling;

namespace Portal.Tests.Content.Delivery;

/// <summary>The content clock: scheduled items go live with their push at their time, expired ones come down.</summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task A_scheduled_item_goes_live_at_its_time_and_pushes_then()
    {
        await using var host = await DeliveryPortal.StartAsync();
        var id = await host.ApprovedAsync(ContentKind.News, "新产品发布会", Audience.ForEveryone());

        var scheduled = await host.PublishAsync(id, host.Now.AddHours(2));
        Assert.Equal(ContentStatus.Approved, scheduled.Status);
        Assert.Equal(new SchedulePass(0, 0), await PassAsync(host));
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new SchedulePass(0, 0), await PassAsync(host));
        Assert.Equal(0, await host.DrainAsync());

        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new SchedulePass(1, 0), await PassAsync(host));
        Assert.Equal(new SchedulePass(0, 0), await PassAsync(host));

        // The push, and the author's notice that the item went live.
        Assert.Equal(2, await host.DrainAsync());

        await using (var db = host.Db())
        {
            var article = await db.Articles.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id);
            Assert.Equal(ContentStatus.Published, article.Status);
            Assert.Equal(host.Now, article.PublishedAt);
            Assert.Contains(article.History, h => h.Action == "published" && h.Detail == "scheduled");
        }

        var everyone = (await host.ActiveUserIdsAsync()).ToHashSet();
        var received = await host.ReceivedAsync("新产品发布会");
        Assert.All(received, pair => Assert.Equal(everyone.Contains(pair.Key) ? 1 : 0, pair.Value));
    }

    [Fact]
    public async Task At_its_time_an_item_whose_push_is_refused_goes_live_silently_and_a_broken_one_holds_back_nobody()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Content:Delivery:WarnAboveCalls"] = "1",
            ["Content:Delivery:RefuseAboveCalls"] = "2",
        });
        var people = await host.ActiveUserIdsAsync();
        var tooBig = new Audience { Everyone = true };
        tooBig.Rules.Add(AudienceRule.ForPerson(await host.PersonAsync(people[0]), exclude: true));
        var silent = await host.ApprovedAsync(ContentKind.Notice, "全员调查问卷", tooBig);
        var broken = await host.ApprovedAsync(ContentKind.News, "损坏的条目", Audience.ForEveryone());
        var good = await host.ApprovedAsync(ContentKind.News, "食堂菜单更新", Audience.ForEveryone());
        foreach (var id in new[] { silent, broken, good })
        {
            await host.PublishAsync(id, host.Now.AddMinutes(30));
        }

        await using (var db = host.Db())
        {
            // An item whose audience is gone: its pass fails, the others' must not.
            var audienceId = await db.Articles.Where(a => a.Id == broken).Select(a => a.AudienceId).SingleAsync();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"Audiences\" WHERE \"Id\" = {audienceId}");
        }

        host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(new SchedulePass(2, 0), await PassAsync(host));

        await using var check = host.Db();
        var articles = await check.Articles.AsNoTracking().Include(a => a.History).ToDictionaryAsync(a => a.Id);
        Assert.Equal(ContentStatus.Published, articles[silent].Status);
        Assert.Equal(ContentStatus.Published, articles[good].Status);
        Assert.Equal(ContentStatus.Approved, articles[broken].Status);
        var withheld = Assert.Single(articles[silent].History, h => h.Action == "notification-withheld");
        Assert.StartsWith("send-refused: 3 calls needed", withheld.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(articles[good].History, h => h.Action == "notification-withheld");
        Assert.False(await check.NotificationDispatches.AnyAsync(d => d.ArticleId == silent));
        Assert.True(await check.NotificationDispatches.AnyAsync(d => d.ArticleId == good));
    }

    [Fact]
    public async Task A_published_item_expires_when_its_time_is_up_and_only_once()
    {
        await using var host = await DeliveryPortal.StartAsync();
        var expiring = await host.ApprovedAsync(ContentKind.Notice, "停车场施工", Audience.ForEveryone(), a => a.SetNoticeOptions(false, pinned: true, host.Now.AddDays(1)));
        var lasting = await host.ApprovedAsync(ContentKind.Notice, "员工手册", Audience.ForEveryone());
        await host.PublishAsync(expiring);
        await host.PublishAsync(lasting);

        host.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(new SchedulePass(0, 0), await PassAsync(host));
        host.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new SchedulePass(0, 1), await PassAsync(host));
        Assert.Equal(new SchedulePass(0, 0), await PassAsync(host));

        await using var db = host.Db();
        var articles = await db.Articles.AsNoTracking().Include(a => a.History).ToDictionaryAsync(a => a.Id);
        Assert.Equal(ContentStatus.Expired, articles[expiring].Status);
        Assert.Single(articles[expiring].History, h => h.Action == "expired");
        Assert.Equal(ContentStatus.Published, articles[lasting].Status);
    }

    [Fact]
    public async Task The_background_scheduler_publishes_on_its_own_as_time_passes()
    {
        var clock = TestTime.Fake();
        await using var host = await DeliveryPortal.StartAsync(
            settings: new Dictionary<string, string?> { ["Content:Scheduler:Enabled"] = "true", ["Content:Scheduler:PollSeconds"] = "30" }, clock: clock);
        var scheduledFor = host.Now.AddMinutes(10);
        var id = await host.ApprovedAsync(ContentKind.News, "季度表彰", Audience.ForEveryone());
        await host.PublishAsync(id, scheduledFor);

        // Each step fires the scheduler's pending wait; it runs a pass and waits again.
        await KestrelPortal.EventuallyAsync(
            async () =>
            {
                clock.Advance(TimeSpan.FromSeconds(30));
                await using var db = host.Db();
                return await db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync();
            },
            status => status == ContentStatus.Published,
            "the scheduler to publish the item");

        await using var check = host.Db();
        var publishedAt = await check.Articles.Where(a => a.Id == id).Select(a => a.PublishedAt).SingleAsync();
        Assert.True(publishedAt >= scheduledFor, $"published at {publishedAt:O}, before its time");
        Assert.True(await check.NotificationDispatches.AnyAsync(d => d.ArticleId == id));
    }

    private static Task<SchedulePass> PassAsync(DeliveryPortal host) =>
        host.RunAsync<ContentSchedule, SchedulePass>(schedule => schedule.RunOnceAsync(CancellationToken.None));
}
