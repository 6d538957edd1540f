using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Delivery;

/// <summary>A notice to department subtrees, from publishing to each person's simulated DingTalk inbox.</summary>
public sealed class DepartmentNoticeTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_notice_to_department_subtrees_reaches_each_of_their_people_once_and_nobody_else(DatabaseProvider provider)
    {
        await using var host = await DeliveryPortal.StartAsync(provider);
        var (centres, expected) = await SubtreesAsync(host);
        var audience = new Audience();
        audience.Rules.AddRange(centres.Select(id => AudienceRule.ForDepartment(id, includeSubdepartments: true)));
        var id = await host.ApprovedAsync(ContentKind.Notice, "年度体检安排", audience);

        var outcome = await host.PublishAsync(id);
        Assert.Equal(ContentStatus.Published, outcome.Status);
        Assert.Equal(centres.Order(), Assert.Single(outcome.Plan!.Calls).DepartmentIds.Order());
        Assert.Equal(1, await host.DrainAsync());

        var received = await host.ReceivedAsync("【通知】年度体检安排");
        Assert.All(received, pair => Assert.Equal(expected.Contains(pair.Key) ? 1 : 0, pair.Value));
        Assert.Equal(expected.Count, received.Values.Sum());
        Assert.True(received.Count > expected.Count + 50, "the rest of the organisation must be there to be left out");

        var receipts = await host.ReceiptsAsync(id);
        Assert.Equal(expected.Order(), receipts.Keys.Order());
        Assert.All(receipts.Values, r => Assert.Equal(NotificationOutcome.Sent, r.Notification));
        Assert.All(receipts.Values, r => Assert.Null(r.ReadAt));
    }

    [Fact]
    public async Task Delivering_the_same_call_twice_records_each_receipt_once_and_keeps_a_read_outcome()
    {
        await using var host = await DeliveryPortal.StartAsync();
        var (centres, expected) = await SubtreesAsync(host);
        var audience = new Audience();
        audience.Rules.Add(AudienceRule.ForDepartment(centres[0], includeSubdepartments: true));
        var id = await host.ApprovedAsync(ContentKind.News, "新办公楼启用", audience);
        await host.PublishAsync(id);
        await host.DrainAsync();
        var reader = (await host.ReceiptsAsync(id)).Keys.First();
        await using (var db = host.Db())
        {
            var personId = await db.People.Where(p => p.UserId == reader).Select(p => p.Id).SingleAsync();
            var receipt = await db.ArticleReceipts.SingleAsync(r => r.ArticleId == id && r.PersonId == personId);
            receipt.Notified(NotificationOutcome.Read, null, host.Now);
            await db.SaveChangesAsync();

            // As a redelivery after a crash finds it: accepted, its bookkeeping to be done again.
            await db.OutboxMessages.ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, Portal.Domain.Outbox.OutboxStatus.Pending));
        }

        Assert.Equal(1, await host.DrainAsync());

        var receipts = await host.ReceiptsAsync(id);
        Assert.Equal(expected.Count(userId => receipts.ContainsKey(userId)), receipts.Count);
        Assert.Equal(NotificationOutcome.Read, receipts[reader].Notification);
        Assert.Equal(1, (await host.ReceivedAsync("新办公楼启用"))[reader]);
    }

    /// <summary>Two of the top-level units, and the active people in them or below (some sit in two departments).</summary>
    private static async Task<(List<long> Centres, HashSet<string> Members)> SubtreesAsync(DeliveryPortal host)
    {
        await using var db = host.Db();
        var centres = await db.Departments.Where(d => d.ParentId == Department.RootId).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        List<long> chosen = [centres[0], centres[2]];
        var subtree = db.DepartmentClosures.Where(c => chosen.Contains(c.AncestorId)).Select(c => c.DescendantId);
        var members = await db.People.Where(p => p.Active && p.Departments.Any(d => subtree.Contains(d.DepartmentId))).Select(p => p.UserId).ToListAsync();
        Assert.NotEmpty(members);
        return (chosen, [.. members]);
    }
}
