using Portal.Domain.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Reading;

/// <summary>The home page's queries on both databases: visibility, order, paging and unread state.</summary>
public sealed class FeedQueryTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_department_item_reaches_its_subtree_and_nobody_else(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var sales = await world.PublishAsync(ContentKind.News, "sales news", department: 2);
        var notice = await world.PublishAsync(ContentKind.Notice, "engineering notice", department: 4);
        var everyone = await world.PublishAsync(ContentKind.News, "company news");

        Assert.Equal([everyone, sales], await VisibleAsync(world, "ada"));
        Assert.Equal([everyone, sales], await VisibleAsync(world, "cy"));
        Assert.Equal([everyone, notice], await VisibleAsync(world, "bo"));
        Assert.Equal(2, await UnreadAsync(world, "ada"));
        Assert.Equal(2, await UnreadAsync(world, "bo"));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Pinned_then_unread_notices_come_first_and_the_rest_is_newest_first(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var start = world.Now.AddDays(-10);
        var oldPinned = await world.PublishAsync(ContentKind.Notice, "old pinned", at: start, pinned: true);
        var readNotice = await world.PublishAsync(ContentKind.Notice, "read notice", at: start.AddDays(1));
        var news = await world.PublishAsync(ContentKind.News, "news", at: start.AddDays(2));
        var unreadNotice = await world.PublishAsync(ContentKind.Notice, "unread notice", at: start.AddDays(3));
        var expired = await world.PublishAsync(ContentKind.Notice, "expired notice", at: start.AddDays(4), expiresAt: world.Now.AddMinutes(-1));
        var newsLater = await world.PublishAsync(ContentKind.News, "later news", at: start.AddDays(5));
        var viewer = await world.ViewerAsync("ada");
        await new RecordRead(world.Factory, world.Time).RunAsync(viewer, readNotice, CancellationToken.None);

        await using var db = await world.Factory.CreateDbContextAsync();
        var (attention, feed) = await (await world.FeedForAsync(db, viewer)).FirstAsync(10, CancellationToken.None);

        Assert.Equal([oldPinned, unreadNotice], attention.Select(e => e.Id));
        Assert.Equal([newsLater, news, readNotice], feed.Items.Select(e => e.Id));
        Assert.DoesNotContain(expired, attention.Select(e => e.Id).Concat(feed.Items.Select(e => e.Id)));
        Assert.Null(feed.Next);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Unread_notices_beyond_the_top_list_stay_on_the_page_in_the_feed(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var notices = new List<Guid>();
        for (var i = 0; i < PersonFeed.AttentionLimit + 3; i++)
        {
            notices.Add(await world.PublishAsync(ContentKind.Notice, $"notice {i}", at: world.Now.AddMinutes(i - 100)));
        }

        var viewer = await world.ViewerAsync("ada");
        await using var db = await world.Factory.CreateDbContextAsync();
        var (attention, feed) = await (await world.FeedForAsync(db, viewer)).FirstAsync(10, CancellationToken.None);

        Assert.Equal(notices.AsEnumerable().Reverse().Take(PersonFeed.AttentionLimit), attention.Select(e => e.Id));
        Assert.Equal(notices.Take(3).Reverse(), feed.Items.Select(e => e.Id));
        Assert.All(feed.Items, e => Assert.False(e.Read));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Pinned_notices_beyond_the_top_list_stay_on_the_page_in_the_feed(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var pinned = new List<Guid>();
        for (var i = 0; i < PersonFeed.AttentionLimit + 2; i++)
        {
            pinned.Add(await world.PublishAsync(ContentKind.Notice, $"pinned {i}", at: world.Now.AddMinutes(i - 100), pinned: true));
        }

        var news = await world.PublishAsync(ContentKind.News, "news", at: world.Now.AddMinutes(-10));
        var viewer = await world.ViewerAsync("ada");
        await using var db = await world.Factory.CreateDbContextAsync();
        var (attention, feed) = await (await world.FeedForAsync(db, viewer)).FirstAsync(10, CancellationToken.None);

        Assert.Equal(pinned.AsEnumerable().Reverse().Take(PersonFeed.AttentionLimit), attention.Select(e => e.Id));
        Assert.Equal([news, pinned[1], pinned[0]], feed.Items.Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task The_feed_pages_without_repeating_or_skipping_items_even_when_they_share_a_time(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var start = world.Now.AddDays(-3);
        var published = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            // Groups of three share a publication instant.
            published.Add(await world.PublishAsync(ContentKind.News, $"news {i}", at: start.AddMinutes(i / 3)));
        }

        var viewer = await world.ViewerAsync("bo");
        var seen = new List<Guid>();
        FeedCursor? cursor = null;
        var pages = 0;
        do
        {
            await using var db = await world.Factory.CreateDbContextAsync();
            var page = await (await world.FeedForAsync(db, viewer)).PageAsync([], cursor, 5, CancellationToken.None);
            Assert.True(page.Items.Count <= 5);
            seen.AddRange(page.Items.Select(e => e.Id));
            cursor = page.Next;
            pages++;

            // An item published meanwhile goes to the top, not into the next page.
            if (pages == 2)
            {
                await world.PublishAsync(ContentKind.News, "breaking");
            }
        }
        while (cursor is not null);

        Assert.Equal(5, pages);
        Assert.Equal(published.Count, seen.Count);
        Assert.Equal(published.Order(), seen.Order());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Reading_an_item_clears_its_unread_badge_and_lowers_the_count(DatabaseProvider provider)
    {
        await using var world = await ReadingWorld.CreateAsync(provider);
        var first = await world.PublishAsync(ContentKind.News, "first", at: world.Now.AddHours(-2));
        var second = await world.PublishAsync(ContentKind.News, "second", at: world.Now.AddHours(-1));
        var viewer = await world.ViewerAsync("di");
        Assert.Equal(2, await UnreadAsync(world, "di"));

        var outcome = await new RecordRead(world.Factory, world.Time).RunAsync(viewer, first, CancellationToken.None);

        Assert.Equal(Readability.Readable, outcome);
        await using var db = await world.Factory.CreateDbContextAsync();
        var feed = await (await world.FeedForAsync(db, viewer)).PageAsync([], null, 10, CancellationToken.None);
        Assert.Equal([(second, false), (first, true)], feed.Items.Select(e => (e.Id, e.Read)));
        Assert.Equal(1, await UnreadAsync(world, "di"));
    }

    private static async Task<List<Guid>> VisibleAsync(ReadingWorld world, string name)
    {
        var viewer = await world.ViewerAsync(name);
        await using var db = await world.Factory.CreateDbContextAsync();
        var (attention, feed) = await (await world.FeedForAsync(db, viewer)).FirstAsync(50, CancellationToken.None);
        return [.. attention.Concat(feed.Items).OrderBy(e => e.Title, StringComparer.Ordinal).Select(e => e.Id)];
    }

    private static async Task<int> UnreadAsync(ReadingWorld world, string name)
    {
        var viewer = await world.ViewerAsync(name);
        await using var db = await world.Factory.CreateDbContextAsync();
        return await ReadingQueries.UnreadCountAsync(db, viewer, world.Now, CancellationToken.None);
    }
}
