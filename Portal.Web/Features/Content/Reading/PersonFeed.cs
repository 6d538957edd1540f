using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// One person's home lists at one instant: the live items (<see cref="LiveItems"/>) their audiences
/// include, decided in memory; from the database only the audiences naming them and their receipts of
/// the items looked at.
/// </summary>
public sealed class PersonFeed
{
    public const int AttentionLimit = 10;

    private readonly LiveSnapshot live;
    private readonly AudiencesNaming naming;
    private readonly PortalDb db;
    private readonly Guid personId;
    private readonly DateTime now;

    // Only items already looked up: those without a receipt are there as None.
    private readonly Dictionary<Guid, ReceiptState> receipts = [];

    private PersonFeed(LiveSnapshot live, AudiencesNaming naming, PortalDb db, Guid personId, DateTime now)
    {
        (this.live, this.naming, this.db, this.personId, this.now) = (live, naming, db, personId, now);
    }

    public static async Task<PersonFeed> OpenAsync(LiveItems source, PortalDb db, Viewer viewer, DateTime now, CancellationToken cancellationToken)
    {
        var live = await source.GetAsync(cancellationToken);
        var naming = await AudienceFilter.NamingAsync(db, viewer, cancellationToken);
        return new PersonFeed(live, naming, db, viewer.PersonId, now);
    }

    /// <summary>The notices listed first and the feed's first page, read in one go.</summary>
    public async Task<(List<FeedEntry> Attention, FeedPage Feed)> FirstAsync(int pageSize, CancellationToken cancellationToken)
    {
        List<LiveItem> pinned = [.. Visible(live.PinnedNotices).Take(AttentionLimit)];
        var others = Visible(live.OtherNotices).Take(PendingBatch(pinned.Count));
        var candidates = pinned.Concat(others).Select(i => i.Id).ToHashSet();
        var feedWindow = Visible(live.All).Where(i => !candidates.Contains(i.Id)).Take(pageSize + 1).Select(i => i.Id);
        await LookUpAsync(candidates.Concat(feedWindow), cancellationToken);

        var attention = await AttentionAsync(cancellationToken);
        return (attention, await PageAsync([.. attention.Select(e => e.Id)], null, pageSize, cancellationToken));
    }

    /// <summary>Pinned notices, then notices not yet read (or acknowledged, where asked); each newest first.</summary>
    public async Task<List<FeedEntry>> AttentionAsync(CancellationToken cancellationToken)
    {
        var pinned = await CollectAsync(Visible(live.PinnedNotices), _ => true, AttentionLimit, AttentionLimit, cancellationToken);
        var wanted = AttentionLimit - pinned.Count;
        return wanted <= 0
            ? pinned
            : [.. pinned, .. await CollectAsync(Visible(live.OtherNotices), e => !e.Read || e.AwaitsAcknowledgement, wanted, PendingBatch(pinned.Count), cancellationToken)];
    }

    /// <summary>Everything else (all but <paramref name="shownAbove"/>, the notices listed first), newest first, one page at a time.</summary>
    public async Task<FeedPage> PageAsync(IReadOnlyCollection<Guid> shownAbove, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var leaveOut = shownAbove.Concat(after?.ShownAtThatTime ?? []).ToHashSet();
        var candidates = Visible(live.All, after?.PublishedAt).Where(i => !leaveOut.Contains(i.Id));
        var page = await CollectAsync(candidates, _ => true, pageSize + 1, pageSize + 1, cancellationToken);
        if (page.Count <= pageSize)
        {
            return new FeedPage(page, null);
        }

        page.RemoveAt(pageSize);
        var last = page[^1].PublishedAt;
        var shownAtLast = page.Where(e => e.PublishedAt == last).Select(e => e.Id);
        var carried = after is not null && after.PublishedAt == last ? after.ShownAtThatTime.Concat(shownAtLast) : shownAtLast;
        return new FeedPage(page, new FeedCursor(last, [.. carried]));
    }

    // Unread notices are looked for among twice as many as are wanted, about as many as a reader who
    // reads half of them needs; further batches double.
    private static int PendingBatch(int pinned) => 2 * (AttentionLimit - pinned);

    private IEnumerable<LiveItem> Visible(IReadOnlyList<LiveItem> items, DateTime? upTo = null)
    {
        for (var i = upTo is { } limit ? FirstAtOrBefore(items, limit) : 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.LiveAt(now) && naming.Includes(item.AudienceId, item.Everyone))
            {
                yield return item;
            }
        }
    }

    // The lists are newest first: the first item published at or before the limit.
    private static int FirstAtOrBefore(IReadOnlyList<LiveItem> items, DateTime limit)
    {
        var (low, high) = (0, items.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = items[middle].PublishedAt > limit ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private async Task<List<FeedEntry>> CollectAsync(IEnumerable<LiveItem> candidates, Func<FeedEntry, bool> wanted, int count, int firstBatch, CancellationToken cancellationToken)
    {
        var found = new List<FeedEntry>(count);
        using var walk = candidates.GetEnumerator();
        var batch = new List<LiveItem>();
        for (var size = firstBatch; found.Count < count; size *= 2)
        {
            batch.Clear();
            while (batch.Count < size && walk.MoveNext())
            {
                batch.Add(walk.Current);
            }

            if (batch.Count == 0)
            {
                break;
            }

            await LookUpAsync(batch.Select(i => i.Id), cancellationToken);
            found.AddRange(batch.Select(i => i.For(receipts[i.Id])).Where(wanted).Take(count - found.Count));
        }

        return found;
    }

    private async Task LookUpAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        Guid[] missing = [.. ids.Where(id => !receipts.ContainsKey(id)).Distinct()];
        if (missing.Length == 0)
        {
            return;
        }

        foreach (var id in missing)
        {
            receipts[id] = ReceiptState.None;
        }

        await foreach (var receipt in ReadingQueries.ReceiptsAsync(db, personId, missing).WithCancellation(cancellationToken))
        {
            receipts[receipt.ArticleId] = receipt.State;
        }
    }
}
