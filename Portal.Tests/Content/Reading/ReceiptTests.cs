using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Reading;

/// <summary>Read receipts and acknowledgements: one row per person, the first time kept, only for the audience.</summary>
public sealed class ReceiptTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Concurrent_opens_record_one_receipt_and_keep_the_first_time(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var item = await world.PublishAsync(ContentKind.News, "news");
        var viewer = await world.ViewerAsync("ada");
        var firstOpen = world.Now;

        // Many opens at once, each through its own context and connection, as from several devices.
        var opens = Enumerable.Range(0, 16).Select(_ => Task.Run(() => new RecordRead(world.Factory, world.Time).RunAsync(viewer, item, CancellationToken.None)));
        var outcomes = await Task.WhenAll(opens);
        world.Time.Advance(TimeSpan.FromHours(1));
        await new RecordRead(world.Factory, world.Time).RunAsync(viewer, item, CancellationToken.None);

        Assert.All(outcomes, outcome => Assert.Equal(Readability.Readable, outcome));
        await using var db = await world.Factory.CreateDbContextAsync();
        var receipt = Assert.Single(await db.ArticleReceipts.AsNoTracking().ToListAsync());
        Assert.Equal((item, world.People["ada"].Id), (receipt.ArticleId, receipt.PersonId));
        Assert.Equal(firstOpen, receipt.ReadAt);
        Assert.Null(receipt.AcknowledgedAt);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_read_keeps_what_DingTalk_reported_on_an_existing_receipt(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var item = await world.PublishAsync(ContentKind.News, "news");
        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            var receipt = new ArticleReceipt { ArticleId = item, PersonId = world.People["bo"].Id };
            receipt.Notified(NotificationOutcome.Sent, null, world.Now.AddMinutes(-5));
            db.ArticleReceipts.Add(receipt);
            await db.SaveChangesAsync();
        }

        await new RecordRead(world.Factory, world.Time).RunAsync(await world.ViewerAsync("bo"), item, CancellationToken.None);

        await using var check = await world.Factory.CreateDbContextAsync();
        var stored = await check.ArticleReceipts.AsNoTracking().SingleAsync();
        Assert.Equal(NotificationOutcome.Sent, stored.Notification);
        Assert.Equal(world.Now.AddMinutes(-5), stored.NotifiedAt);
        Assert.Equal(world.Now, stored.ReadAt);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Nobody_outside_the_audience_records_a_read_or_an_acknowledgement(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var notice = await world.PublishAsync(ContentKind.Notice, "engineering only", department: 4, acknowledge: true);
        var outsider = await world.ViewerAsync("ada");

        Assert.Equal(Readability.Forbidden, await new RecordRead(world.Factory, world.Time).RunAsync(outsider, notice, CancellationToken.None));
        Assert.Equal(AcknowledgeOutcome.Forbidden, await new AcknowledgeArticle(world.Factory, world.Time).RunAsync(outsider, notice, CancellationToken.None));
        Assert.Equal(Readability.NotFound, await new RecordRead(world.Factory, world.Time).RunAsync(outsider, Guid.NewGuid(), CancellationToken.None));

        await using var db = await world.Factory.CreateDbContextAsync();
        Assert.False(await db.ArticleReceipts.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_notice_that_asks_for_acknowledgement_stays_pending_after_reading_until_confirmed(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var notice = await world.PublishAsync(ContentKind.Notice, "policy", acknowledge: true);
        var news = await world.PublishAsync(ContentKind.News, "news");
        var viewer = await world.ViewerAsync("cy");
        var acknowledge = new AcknowledgeArticle(world.Factory, world.Time);

        await new RecordRead(world.Factory, world.Time).RunAsync(viewer, notice, CancellationToken.None);
        var afterReading = await AttentionAsync(world, viewer);
        Assert.Equal([(notice, true, true)], afterReading.Select(e => (e.Id, e.Read, e.AwaitsAcknowledgement)));
        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            var (_, view) = await ArticleView.LoadAsync(db, viewer, notice, world.Now, CancellationToken.None);
            Assert.True(view!.AwaitsAcknowledgement);
        }

        world.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(AcknowledgeOutcome.NotAsked, await acknowledge.RunAsync(viewer, news, CancellationToken.None));
        Assert.Equal(AcknowledgeOutcome.Acknowledged, await acknowledge.RunAsync(viewer, notice, CancellationToken.None));
        var confirmedAt = world.Now;
        world.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(AcknowledgeOutcome.Acknowledged, await acknowledge.RunAsync(viewer, notice, CancellationToken.None));

        Assert.Empty(await AttentionAsync(world, viewer));
        await using var check = await world.Factory.CreateDbContextAsync();
        var (_, confirmed) = await ArticleView.LoadAsync(check, viewer, notice, world.Now, CancellationToken.None);
        Assert.False(confirmed!.AwaitsAcknowledgement);
        Assert.Equal(confirmedAt, confirmed.AcknowledgedAt);
        Assert.Equal(confirmedAt.AddMinutes(-3), (await check.ArticleReceipts.SingleAsync(r => r.ArticleId == notice)).ReadAt);
        Assert.False(await check.ArticleReceipts.AnyAsync(r => r.ArticleId == news));
    }

    private static async Task<List<FeedEntry>> AttentionAsync(ReadingWorld world, Portal.Domain.Audiences.Viewer viewer)
    {
        await using var db = await world.Factory.CreateDbContextAsync();
        return await (await world.FeedForAsync(db, viewer)).AttentionAsync(CancellationToken.None);
    }
}
