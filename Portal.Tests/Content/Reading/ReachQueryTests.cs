using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Reach;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Infrastructure.Data;
using Portal.Web.Infrastructure.Configuration;
using Portal.Web.Infrastructure.Time;

namespace Portal.Tests.Content.Reading;

/// <summary>Reach on both databases: counts, the people in each state (paged), reads over time, who may look.</summary>
public sealed class ReachQueryTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Counts_and_lists_follow_deliveries_reads_and_acknowledgements(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        // Sales subtree: Ada (3) and Cy (2). Bo and Di (engineering) are outside it.
        var notice = await world.PublishAsync(ContentKind.Notice, "sales policy", department: 2, acknowledge: true);
        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            foreach (var name in new[] { "ada", "cy", "bo" })
            {
                var receipt = new ArticleReceipt { ArticleId = notice, PersonId = world.People[name].Id };
                receipt.Notified(NotificationOutcome.Sent, null, world.Now);
                db.ArticleReceipts.Add(receipt);
            }

            await db.SaveChangesAsync();
        }

        world.Time.Advance(TimeSpan.FromMinutes(10));
        await new RecordRead(world.Factory, world.Time).RunAsync(await world.ViewerAsync("ada"), notice, CancellationToken.None);
        await new RecordRead(world.Factory, world.Time).RunAsync(await world.ViewerAsync("cy"), notice, CancellationToken.None);
        world.Time.Advance(TimeSpan.FromHours(2));
        await new AcknowledgeArticle(world.Factory, world.Time).RunAsync(await world.ViewerAsync("ada"), notice, CancellationToken.None);

        await using var check = await world.Factory.CreateDbContextAsync();
        var article = await check.Articles.AsNoTracking().SingleAsync(a => a.Id == notice);
        Assert.Equal(new ReachCounts(Audience: 2, Delivered: 2, Read: 2, Acknowledged: 1, Unread: 1), await ReachQueries.CountsAsync(check, article, CancellationToken.None));
        Assert.Equal(["CY"], await NamesAsync(check, article, ReachState.Unread));
        Assert.Equal(["ADA", "CY"], (await NamesAsync(check, article, ReachState.Read)).Order(StringComparer.Ordinal));
        Assert.Equal(["ADA"], await NamesAsync(check, article, ReachState.Acknowledged));
        Assert.Equal(["ADA", "CY"], (await NamesAsync(check, article, ReachState.Delivered)).Order(StringComparer.Ordinal));
        var acknowledged = await ReachQueries.PeopleAsync(check, article, ReachState.Acknowledged, 0, 20, CancellationToken.None);
        Assert.Equal(("华东销售", world.Now), (acknowledged.People[0].Department, acknowledged.People[0].At));
        Assert.Equal(["cy"], await ReachQueries.UnreadUserIdsAsync(check, article, 200, CancellationToken.None));

        var series = ReadsOverTime.Bucket(article.PublishedAt!.Value, world.Now, await ReachQueries.ReadTimesAsync(check, notice, CancellationToken.None), Clock());
        Assert.True(series.Hourly);
        Assert.Equal([2, 0, 0], series.Points.Select(p => p.Reads));
        Assert.Equal("11-02 09:30", series.Points[0].Label);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task People_lists_are_paged(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var news = await world.PublishAsync(ContentKind.News, "for everyone");
        await using var db = await world.Factory.CreateDbContextAsync();
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == news);

        var first = await ReachQueries.PeopleAsync(db, article, ReachState.Unread, 0, 3, CancellationToken.None);
        var second = await ReachQueries.PeopleAsync(db, article, ReachState.Unread, 1, 3, CancellationToken.None);

        Assert.Equal((4, 3, 1), (first.Total, first.People.Count, second.People.Count));
        Assert.Equal(["ADA", "BO", "CY", "DI"], first.People.Concat(second.People).Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Reach_is_for_the_author_approvers_and_admins_only(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var news = await world.PublishAsync(ContentKind.News, "news", author: world.People["ada"].Id);
        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            var roles = await db.Roles.ToDictionaryAsync(r => r.Key, r => r.Id);
            db.RoleMembers.AddRange(
                new RoleMember { RoleId = roles[Role.Approver], PersonId = world.People["bo"].Id },
                new RoleMember { RoleId = roles[Role.Admin], PersonId = world.People["cy"].Id },
                new RoleMember { RoleId = roles[Role.Editor], PersonId = world.People["di"].Id });
            await db.SaveChangesAsync();
        }

        var access = new ReachAccess(world.Factory);
        async Task<bool> Allows(string name) => await access.AllowsAsync(world.People[name].Id, news, CancellationToken.None);

        Assert.True(await Allows("ada"));
        Assert.True(await Allows("bo"));
        Assert.True(await Allows("cy"));
        Assert.False(await Allows("di"));
    }

    private static async Task<List<string>> NamesAsync(Portal.Domain.Data.PortalDb db, Article article, ReachState state) =>
        [.. (await ReachQueries.PeopleAsync(db, article, state, 0, 20, CancellationToken.None)).People.Select(p => p.Name)];

    private static PortalClock Clock() => new(Microsoft.Extensions.Options.Options.Create(new PortalOptions()));
}
