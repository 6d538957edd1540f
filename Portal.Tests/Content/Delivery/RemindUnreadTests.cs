using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Delivery;

/// <summary>"Remind unread": only those who have not read (or acknowledged), with new content each time, once a day.</summary>
public sealed class RemindUnreadTests
{
    private const string Title = "信息安全培训通知";

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_reminder_reaches_only_those_who_have_not_acknowledged_and_never_twice_a_day(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider);
        var (centre, members) = await LargestCentreAsync(host);
        var audience = new Audience();
        audience.Rules.Add(AudienceRule.ForDepartment(centre, includeSubdepartments: true));
        var id = await host.ApprovedAsync(ContentKind.Notice, Title, audience, a => a.SetNoticeOptions(requiresAcknowledgement: true, pinned: false, null));
        await host.PublishAsync(id);
        await host.DrainAsync();

        // Three acknowledged; two only opened it, which a notice asking for acknowledgement does not count as done.
        var acknowledged = members.Take(3).ToList();
        var openedOnly = members.Skip(3).Take(2).ToList();
        await MarkAsync(host, id, acknowledged, r => r.Acknowledge(host.Now));
        await MarkAsync(host, id, openedOnly, r => r.Read(host.Now));
        var unread = members.Except(acknowledged).ToHashSet();

        var first = await RemindAsync(host, id);
        Assert.Equal(unread.Count, first.Reminded);
        Assert.Equal((unread.Count + 99) / 100, first.Plan.CallCount);
        await host.DrainAsync();

        var cards = await CardsAsync(host);
        Assert.All(cards, pair => Assert.Equal(
            unread.Contains(pair.Key) ? ["【提醒】" + Title, "【通知】" + Title] : members.Contains(pair.Key) ? ["【通知】" + Title] : [],
            pair.Value.Select(c => c.Title)));

        // The same day: everyone unread was reminded already.
        host.Time.Advance(TimeSpan.FromHours(3));
        var again = await RemindAsync(host, id);
        Assert.Equal(0, again.Reminded);
        await using (var db = host.Db())
        {
            Assert.Equal(1, await db.NotificationDispatches.CountAsync(d => d.ArticleId == id && d.Purpose == DispatchPurpose.Reminder));
        }

        // The next day (China time) they are due again, with content DingTalk has not seen.
        host.Time.Advance(TimeSpan.FromHours(24));
        var nextDay = await RemindAsync(host, id);
        Assert.Equal(unread.Count, nextDay.Reminded);
        await host.DrainAsync();

        var unreadPerson = unread.First();
        var contents = (await CardsAsync(host))[unreadPerson].Select(c => c.Text).ToList();
        Assert.Equal(3, contents.Count);
        Assert.Equal(3, contents.Distinct().Count());
        Assert.Contains("第 2 次提醒", contents[0], StringComparison.Ordinal);
        var receipts = await host.ReceiptsAsync(id);
        Assert.All(unread, userId => Assert.Equal(2, receipts[userId].Reminders));
        Assert.All(acknowledged, userId => Assert.Equal(0, receipts[userId].Reminders));
    }

    private static async Task<RemindOutcome> RemindAsync(DeliveryPortal host, Guid articleId)
    {
        var by = await host.PersonAsync((await host.ActiveUserIdsAsync())[0]);
        return await host.RunAsync<RemindUnread, RemindOutcome>(remind => remind.RunAsync(articleId, by, confirmed: true, CancellationToken.None));
    }

    private static async Task MarkAsync(DeliveryPortal host, Guid articleId, List<string> userIds, Action<ArticleReceipt> mark)
    {
        await using var db = host.Db();
        var receipts = await db.ArticleReceipts.Where(r => r.ArticleId == articleId && db.People.Any(p => p.Id == r.PersonId && userIds.Contains(p.UserId))).ToListAsync();
        Assert.Equal(userIds.Count, receipts.Count);
        receipts.ForEach(mark);
        await db.SaveChangesAsync();
    }

    /// <summary>Every simulated person's cards (title and text), newest first.</summary>
    private static async Task<Dictionary<string, List<(string Title, string Text)>>> CardsAsync(DeliveryPortal host)
    {
        var cards = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var userId in await host.SimulatedUserIdsAsync())
        {
            cards[userId] = [.. (await host.InboxAsync(userId)).Select(m => m.GetProperty("message").GetProperty("action_card"))
                .Select(card => (card.GetProperty("title").GetString()!, card.GetProperty("markdown").GetString()!))];
        }

        return cards;
    }

    private static async Task<(long Centre, List<string> Members)> LargestCentreAsync(DeliveryPortal host)
    {
        await using var db = host.Db();
        var centres = await db.Departments.Where(d => d.ParentId == Department.RootId).Select(d => d.Id).ToListAsync();
        var best = (Centre: 0L, Members: new List<string>());
        foreach (var centre in centres)
        {
            var subtree = db.DepartmentClosures.Where(c => c.AncestorId == centre).Select(c => c.DescendantId);
            var members = await db.People.Where(p => p.Active && p.Departments.Any(d => subtree.Contains(d.DepartmentId))).OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync();
            if (members.Count > best.Members.Count)
            {
                best = (centre, members);
            }
        }

        return best;
    }
}
