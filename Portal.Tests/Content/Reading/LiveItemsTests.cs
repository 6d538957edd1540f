using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Reading;

/// <summary>
/// The published items kept in memory for the home page: changes made by this process show at once,
/// changes made elsewhere once the kept copy is old enough, expiry at once; what a person sees is
/// decided in memory exactly as the database would.
/// </summary>
public sealed class LiveItemsTests
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(new ReadingOptions().LiveItemsSeconds);

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task An_item_published_or_withdrawn_here_shows_or_leaves_at_once(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var first = await world.PublishAsync(ContentKind.News, "first", at: world.Now.AddHours(-1));
        Assert.Equal([first], await ListedAsync(world, "ada"));

        var second = await world.PublishAsync(ContentKind.News, "second");
        Assert.Equal([second, first], await ListedAsync(world, "ada"));

        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            await ArchiveAsync(db, first, world.Now);
        }

        Assert.Equal([second], await ListedAsync(world, "ada"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_change_made_by_another_instance_shows_once_the_kept_copy_is_old_enough(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var withdrawn = await world.PublishAsync(ContentKind.News, "withdrawn", at: world.Now.AddHours(-2));
        var retitled = await world.PublishAsync(ContentKind.News, "before", at: world.Now.AddHours(-1));
        Assert.Equal(["before", "withdrawn"], await TitlesAsync(world, "ada"));

        // Bulk updates pass no change tracker: to this process they look like another instance's writes.
        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            await db.Articles.Where(a => a.Id == withdrawn).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ContentStatus.Archived));
            await db.Articles.Where(a => a.Id == retitled).ExecuteUpdateAsync(set => set.SetProperty(a => a.Title, "after"));
        }

        world.Time.Advance(KeptFor - TimeSpan.FromSeconds(1));
        Assert.Equal(["before", "withdrawn"], await TitlesAsync(world, "ada"));

        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["after"], await TitlesAsync(world, "ada"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task An_item_past_its_expiry_leaves_at_once(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var lasting = await world.PublishAsync(ContentKind.Notice, "lasting", at: world.Now.AddHours(-1));
        var expiring = await world.PublishAsync(ContentKind.Notice, "expiring", expiresAt: world.Now.AddSeconds(2));
        Assert.Equal([expiring, lasting], await ListedAsync(world, "ada"));

        world.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(KeptFor > TimeSpan.FromSeconds(2));
        Assert.Equal([lasting], await ListedAsync(world, "ada"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Unread_notices_are_found_past_a_long_run_of_read_ones(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var notices = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            notices.Add(await world.PublishAsync(ContentKind.Notice, $"notice {i:00}", at: world.Now.AddMinutes(i - 100)));
        }

        var viewer = await world.ViewerAsync("ada");
        var read = new RecordRead(world.Factory, world.Time);
        foreach (var id in notices.Skip(5))
        {
            await read.RunAsync(viewer, id, CancellationToken.None);
        }

        await using var db = await world.Factory.CreateDbContextAsync();
        var (attention, feed) = await (await world.FeedForAsync(db, viewer)).FirstAsync(10, CancellationToken.None);
        var fresh = await world.FeedForAsync(db, viewer);
        var attentionAlone = await fresh.AttentionAsync(CancellationToken.None);
        var feedAlone = await fresh.PageAsync([.. attentionAlone.Select(e => e.Id)], null, 10, CancellationToken.None);

        Assert.Equal(notices.Take(5).Reverse(), attention.Select(e => e.Id));
        Assert.Equal(notices.Skip(5).Reverse().Take(10), feed.Items.Select(e => e.Id));
        Assert.All(feed.Items, e => Assert.True(e.Read));
        Assert.Equal(attention, attentionAlone);
        Assert.Equal(feed.Items, feedAlone.Items);
        Assert.Equal(feed.Next, feedAlone.Next, (a, b) => a!.PublishedAt == b!.PublishedAt && a.ShownAtThatTime.SequenceEqual(b.ShownAtThatTime));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Only_committed_changes_to_items_and_audiences_count(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var id = await world.PublishAsync(ContentKind.News, "counted");
        await using var db = await world.Factory.CreateDbContextAsync();
        var changes = ContentChanges.In(db.Database.GetConnectionString());
        var before = changes.Value;

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await ArchiveAsync(db, id, world.Now);
            Assert.Equal(before, changes.Value);
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, changes.Value);
        db.ChangeTracker.Clear();

        // A save that fails (an audience that does not exist) counts nothing, then or with the next save.
        db.Articles.Add(new Article(ContentKind.News, Guid.NewGuid(), "orphan", Guid.NewGuid(), world.Now));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.People.Add(new Person("ed", "ED") { UpdatedAt = world.Now });
        await db.SaveChangesAsync();
        Assert.Equal(before, changes.Value);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await ArchiveAsync(db, id, world.Now);
            Assert.Equal(before, changes.Value);
            await transaction.CommitAsync();
        }

        Assert.Equal(before + 1, changes.Value);
    }

    private static async Task ArchiveAsync(PortalDb db, Guid id, DateTime now)
    {
        var article = await db.Articles.Include(a => a.History).SingleAsync(a => a.Id == id);
        article.Archive(Guid.NewGuid(), now);
        await db.SaveChangesAsync();
    }

    private static async Task<List<Guid>> ListedAsync(ReadingWorld world, string name) =>
        [.. (await ListAsync(world, name)).Select(e => e.Id)];

    private static async Task<List<string>> TitlesAsync(ReadingWorld world, string name) =>
        [.. (await ListAsync(world, name)).Select(e => e.Title)];

    private static async Task<List<FeedEntry>> ListAsync(ReadingWorld world, string name)
    {
        var viewer = await world.ViewerAsync(name);
        await using var db = await world.Factory.CreateDbContextAsync();
        var (attention, feed) = await (await world.FeedForAsync(db, viewer)).FirstAsync(50, CancellationToken.None);
        return [.. attention, .. feed.Items];
    }
}
