using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>A published item as every reader's list shows it (unread); whether a person sees it is decided per person.</summary>
public sealed record LiveItem(FeedEntry Card, DateTime? ExpiresAt, Guid AudienceId, bool Everyone)
{
    public Guid Id => Card.Id;

    public DateTime PublishedAt => Card.PublishedAt;

    public bool LiveAt(DateTime now) => ExpiresAt is not { } expiry || expiry > now;

    public FeedEntry For(ReceiptState receipt) => Card with { Receipt = receipt };
}

/// <summary>The published items, newest first (ties by id, descending, as the databases order ids), split the ways the home page walks them.</summary>
public sealed class LiveSnapshot(long version, DateTimeOffset loadedAt, LiveItem[] all)
{
    public long Version { get; } = version;

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    public IReadOnlyList<LiveItem> All { get; } = all;

    public IReadOnlyList<LiveItem> PinnedNotices { get; } = [.. all.Where(i => i.Card is { Kind: ContentKind.Notice, Pinned: true })];

    public IReadOnlyList<LiveItem> OtherNotices { get; } = [.. all.Where(i => i.Card is { Kind: ContentKind.Notice, Pinned: false })];
}

/// <summary>
/// The published items, the same for every reader, kept in memory: the home page decides in memory
/// which of them a person sees, rather than have the database walk the items and their audiences and
/// read each item's columns on every view. A change committed on this instance
/// (<see cref="ContentChanges"/>) is read again before the next page; a change on another instance
/// after <see cref="ReadingOptions.LiveItemsSeconds"/>.
/// </summary>
public sealed class LiveItems(IDbContextFactory<PortalDb> dbFactory, TimeProvider time, IOptions<ReadingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile LiveSnapshot? current;
    private ContentChanges.Counter? changes;

    public async ValueTask<LiveSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } fresh)
        {
            return fresh;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            return Current() ?? (current = await LoadAsync(cancellationToken));
        }
        finally
        {
            loading.Release();
        }
    }

    public void Dispose() => loading.Dispose();

    private LiveSnapshot? Current() =>
        current is { } kept && kept.Version == changes!.Value && time.GetUtcNow() - kept.LoadedAt < TimeSpan.FromSeconds(options.Value.LiveItemsSeconds)
            ? kept
            : null;

    private async Task<LiveSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        changes ??= ContentChanges.In(db.Database.GetConnectionString());

        // Taken before reading: a change committed meanwhile makes this copy stale at once.
        var version = changes.Value;
        var loadedAt = time.GetUtcNow();
        var items = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ContentStatus.Published)
            .Select(a => new LiveItem(
                new FeedEntry(a.Id, a.Kind, a.Title, a.Summary, a.CoverImageId, a.PublishedAt!.Value, a.Pinned, a.RequiresAcknowledgement, ReceiptState.None),
                a.ExpiresAt,
                a.AudienceId,
                db.Audiences.Any(x => x.Id == a.AudienceId && x.Everyone)))
            .ToArrayAsync(cancellationToken);
        Array.Sort(items, (a, b) => b.PublishedAt.CompareTo(a.PublishedAt) is var byTime and not 0 ? byTime : b.Id.CompareTo(a.Id));
        return new LiveSnapshot(version, loadedAt, items);
    }
}
