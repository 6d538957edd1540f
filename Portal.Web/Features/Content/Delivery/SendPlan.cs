using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Client;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Delivery;

public enum SendVerdict
{
    Ok,

    /// <summary>Allowed, but the publisher confirms first.</summary>
    Warn,

    /// <summary>Over the configured ceiling or the quota left: not sent.</summary>
    Refuse,
}

/// <summary>What a push will cost before it is made: the calls, who they reach, the quota left and how long it takes.</summary>
public sealed record SendPlan(IReadOnlyList<FanOutCall> Calls, int Recipients, int QuotaLeft, TimeSpan Eta, SendVerdict Verdict)
{
    public int CallCount => Calls.Count;

    /// <summary>More calls than the warning level.</summary>
    public bool ManyCalls { get; init; }

    /// <summary>
    /// At most how many work notifications one person has had from the portal today (China time): every
    /// push made today, as each reaches a person once, and the most to-do notifications anyone had.
    /// </summary>
    public int MostToOnePersonToday { get; init; }

    /// <summary><see cref="DeliveryOptions.DailyMessagesPerPerson"/>.</summary>
    public int DailyLimit { get; init; }

    /// <summary>Someone may have had as many as DingTalk delivers in a day: this push may not reach them.</summary>
    public bool MayMeetDailyLimit => MostToOnePersonToday >= DailyLimit;
}

/// <summary>Plans a push: the fewest calls for the audience, priced against the month's quota and the client's pace.</summary>
public sealed class SendPlanner(IOptionsMonitor<DeliveryOptions> delivery, IOptionsMonitor<DingTalkClientOptions> client, TimeProvider time)
{
    public async Task<SendPlan> ForAudienceAsync(PortalDb db, Audience audience, CancellationToken cancellationToken)
    {
        var calls = await FanOutPlanner.PlanAsync(db, audience.Everyone, audience.Rules, cancellationToken);
        var recipients = await AudienceMembers.Resolve(db, audience).CountAsync(cancellationToken);
        return await PriceAsync(db, calls, recipients, cancellationToken);
    }

    public async Task<SendPlan> ForPeopleAsync(PortalDb db, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var calls = userIds.Chunk(FanOutPlanner.MaxUsersPerCall).Select(chunk => new FanOutCall(false, [], chunk)).ToList();
        return await PriceAsync(db, calls, userIds.Count, cancellationToken);
    }

    private async Task<SendPlan> PriceAsync(PortalDb db, IReadOnlyList<FanOutCall> calls, int recipients, CancellationToken cancellationToken)
    {
        var settings = delivery.CurrentValue;
        var used = await CallsThisMonthAsync(db, cancellationToken);
        var left = Math.Max(0, settings.MonthlyCallQuota - used);
        var qps = client.CurrentValue.QpsFor(DingTalkApiNames.MessageSend);
        var eta = qps > 0 ? TimeSpan.FromSeconds(calls.Count / (double)qps) : TimeSpan.Zero;
        var manyCalls = calls.Count > settings.WarnAboveCalls;
        var mostToday = await MostToOnePersonTodayAsync(db, cancellationToken);
        var verdict = calls.Count > left || calls.Count > settings.RefuseAboveCalls ? SendVerdict.Refuse
            : manyCalls || mostToday >= settings.DailyMessagesPerPerson ? SendVerdict.Warn
            : SendVerdict.Ok;
        return new SendPlan(calls, recipients, left, eta, verdict)
        {
            ManyCalls = manyCalls,
            MostToOnePersonToday = mostToday,
            DailyLimit = settings.DailyMessagesPerPerson,
        };
    }

    /// <summary>Calls planned since the first of the month in China time, when DingTalk's quota resets.</summary>
    private async Task<int> CallsThisMonthAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var monthStart = ChinaTime.MonthStart(time.GetUtcNow());
        return await db.NotificationCalls.CountAsync(
            c => db.NotificationDispatches.Any(d => d.Id == c.DispatchId && d.CreatedAt >= monthStart), cancellationToken);
    }

    /// <summary>
    /// An upper bound, not a count per person (which would mean reading a receipt per recipient): the
    /// pushes made today plus the most to-do notifications one person had today, and the most review
    /// to-do notifications.
    /// </summary>
    private async Task<int> MostToOnePersonTodayAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var dayStart = ChinaTime.DayStart(time.GetUtcNow());
        var pushes = await db.NotificationDispatches.CountAsync(d => d.CreatedAt >= dayStart, cancellationToken);
        var todos = await db.TodoAssignees.Where(a => a.NotifiedAt >= dayStart)
            .GroupBy(a => a.PersonId).Select(g => g.Count()).OrderByDescending(count => count).FirstOrDefaultAsync(cancellationToken);
        var reviews = await db.ReviewTodos.Where(r => r.NotifiedAt >= dayStart)
            .GroupBy(r => r.PersonId).Select(g => g.Count()).OrderByDescending(count => count).FirstOrDefaultAsync(cancellationToken);
        return pushes + todos + reviews;
    }
}
