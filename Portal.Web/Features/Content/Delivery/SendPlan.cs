using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
        var verdict = calls.Count > left || calls.Count > settings.RefuseAboveCalls ? SendVerdict.Refuse
            : calls.Count > settings.WarnAboveCalls ? SendVerdict.Warn
            : SendVerdict.Ok;
        return new SendPlan(calls, recipients, left, eta, verdict);
    }

    /// <summary>Calls planned since the first of the month in China time, when DingTalk's quota resets.</summary>
    private async Task<int> CallsThisMonthAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var china = time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var monthStart = new DateTimeOffset(china.Year, china.Month, 1, 0, 0, 0, TimeSpan.FromHours(8)).UtcDateTime;
        return await db.NotificationCalls.CountAsync(
            c => db.NotificationDispatches.Any(d => d.Id == c.DispatchId && d.CreatedAt >= monthStart), cancellationToken);
    }
}
