using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Tests.Todos;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Delivery;

/// <summary>What a push will cost, and the verdict against the configured ceilings and the month's quota.</summary>
public sealed class SendPlanTests
{
    // Warn above 1 call, refuse above 3, five calls a month; the client's pace (15 per second) prices the ETA.
    private static readonly Dictionary<string, string?> Ceilings = new()
    {
        ["Content:Delivery:WarnAboveCalls"] = "1",
        ["Content:Delivery:RefuseAboveCalls"] = "3",
        ["Content:Delivery:MonthlyCallQuota"] = "5",
        ["DingTalk:Client:DefaultQps"] = "15",
    };

    [Fact]
    public async Task A_push_over_the_warning_level_asks_for_confirmation_and_then_goes_out()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: Ceilings);
        var id = await host.ApprovedAsync(ContentKind.News, "大批量推送", await EveryoneButOneAsync(host));

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => host.PublishAsync(id, confirmed: false));
        Assert.Equal("confirm-send", refused.Code);
        await AssertNothingQueuedAsync(host, id, ContentStatus.Approved);

        var outcome = await host.PublishAsync(id, confirmed: true);
        Assert.Equal(ContentStatus.Published, outcome.Status);
        var plan = outcome.Plan!;
        Assert.Equal((SendVerdict.Warn, 3, 5), (plan.Verdict, plan.CallCount, plan.QuotaLeft));
        Assert.Equal(TimeSpan.FromSeconds(3 / 15.0), plan.Eta);
        Assert.Equal(plan.Recipients, plan.Calls.Sum(c => c.UserIds.Count));
    }

    [Fact]
    public async Task A_push_over_the_quota_left_this_month_is_refused_until_the_quota_renews()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: Ceilings);
        var first = await host.ApprovedAsync(ContentKind.News, "第一条", await EveryoneButOneAsync(host));
        var second = await host.ApprovedAsync(ContentKind.News, "第二条", await EveryoneButOneAsync(host));
        var small = await host.ApprovedAsync(ContentKind.News, "第三条", Audience.ForEveryone());
        await host.PublishAsync(first);

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => host.PublishAsync(second, confirmed: true));
        Assert.Equal("send-refused", refused.Code);
        await AssertNothingQueuedAsync(host, second, ContentStatus.Approved);
        var fits = await host.PublishAsync(small);
        Assert.Equal((SendVerdict.Ok, 1, 2), (fits.Plan!.Verdict, fits.Plan.CallCount, fits.Plan.QuotaLeft));

        // DingTalk's quota renews on the first of the month, China time.
        var china = host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        host.Time.AdjustTime(new DateTimeOffset(china.Year, china.Month, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddMonths(1));
        var renewed = await host.PublishAsync(second, confirmed: true);
        Assert.Equal((SendVerdict.Warn, 5), (renewed.Plan!.Verdict, renewed.Plan.QuotaLeft));
    }

    [Fact]
    public async Task A_push_over_the_ceiling_per_push_is_refused_even_when_confirmed()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: new Dictionary<string, string?>(Ceilings) { ["Content:Delivery:RefuseAboveCalls"] = "2" });
        var id = await host.ApprovedAsync(ContentKind.News, "超出上限", await EveryoneButOneAsync(host));

        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => host.PublishAsync(id, confirmed: true));

        Assert.Equal("send-refused", refused.Code);
        await AssertNothingQueuedAsync(host, id, ContentStatus.Approved);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_push_when_someone_may_have_had_the_days_limit_asks_for_confirmation(DatabaseProvider provider)
    {
        // Three work notifications a person a day; today's pushes and to-do notifications count, yesterday's do not.
        await using var host = await DeliveryPortal.StartAsync(provider, new Dictionary<string, string?>(Ceilings)
        {
            ["Content:Delivery:WarnAboveCalls"] = "10",
            ["Content:Delivery:RefuseAboveCalls"] = "10",
            ["Content:Delivery:MonthlyCallQuota"] = "100",
            ["Content:Delivery:DailyMessagesPerPerson"] = "3",
        });
        var china = host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        host.Time.AdjustTime(new DateTimeOffset(china.Date.AddHours(9), TimeSpan.FromHours(8)));
        var yesterday = await host.ApprovedAsync(ContentKind.News, "昨天", Audience.ForEveryone());
        await host.PublishAsync(yesterday);
        host.Time.Advance(TimeSpan.FromDays(1));

        var first = await host.PublishAsync(await host.ApprovedAsync(ContentKind.News, "第一条", Audience.ForEveryone()));
        Assert.Equal((SendVerdict.Ok, 0, 3, false), (first.Plan!.Verdict, first.Plan.MostToOnePersonToday, first.Plan.DailyLimit, first.Plan.MayMeetDailyLimit));

        // One person had two to-do notifications today, another one yesterday.
        await using (var db = host.Db())
        {
            var users = await host.ActiveUserIdsAsync();
            var (busy, other) = (await host.PersonAsync(users[0]), await host.PersonAsync(users[1]));
            var client = await TodoSeed.ClientAsync(db, host.Now);
            foreach (var (person, notifiedAt) in new[] { (busy, host.Now), (busy, host.Now.AddHours(-1)), (other, host.Now), (other, host.Now.AddDays(-1)) })
            {
                var todo = await TodoSeed.TodoAsync(db, client, [person], host.Now);
                await db.TodoAssignees.Where(a => a.TodoId == todo).ExecuteUpdateAsync(set => set.SetProperty(a => a.NotifiedAt, notifiedAt));
            }
        }

        var second = await host.ApprovedAsync(ContentKind.News, "第二条", Audience.ForEveryone());
        var refused = await Assert.ThrowsAsync<ContentWorkflowException>(() => host.PublishAsync(second, confirmed: false));
        Assert.Equal("confirm-send", refused.Code);
        await AssertNothingQueuedAsync(host, second, ContentStatus.Approved);

        var confirmed = await host.PublishAsync(second, confirmed: true);
        Assert.Equal((SendVerdict.Warn, 3, true, false), (confirmed.Plan!.Verdict, confirmed.Plan.MostToOnePersonToday, confirmed.Plan.MayMeetDailyLimit, confirmed.Plan.ManyCalls));

        // A new China day starts afresh.
        host.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await host.PublishAsync(await host.ApprovedAsync(ContentKind.News, "第三条", Audience.ForEveryone()));
        Assert.Equal((SendVerdict.Ok, 0), (nextDay.Plan!.Verdict, nextDay.Plan.MostToOnePersonToday));
    }

    private static async Task<Audience> EveryoneButOneAsync(DeliveryPortal host)
    {
        var audience = new Audience { Everyone = true };
        audience.Rules.Add(AudienceRule.ForPerson(await host.PersonAsync((await host.ActiveUserIdsAsync())[0]), exclude: true));
        return audience;
    }

    private static async Task AssertNothingQueuedAsync(DeliveryPortal host, Guid id, ContentStatus status)
    {
        await using var db = host.Db();
        Assert.Equal(status, await db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
        Assert.False(await db.NotificationDispatches.AnyAsync(d => d.ArticleId == id));
        Assert.Equal(await db.NotificationCalls.CountAsync(), await db.OutboxMessages.CountAsync(m => m.Kind == NotificationQueue.SendKind));
    }
}
