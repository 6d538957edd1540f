using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// What a person reads: the notices that want their attention, the feed, their unread count. Every
/// query ends in <see cref="Live"/>, which filters through <see cref="AudienceFilter.VisibleTo{T}(IQueryable{T}, PortalDb, Viewer)"/>.
/// The visibility test comes last on purpose: SQLite evaluates conditions in order, and the cheap ones
/// (kind, a receipt looked up by its key) then spare most rows the costlier audience test.
/// </summary>
public static class ReadingQueries
{
    public const int AttentionLimit = 10;
    public const int UnreadCountCap = 100;

    /// <summary>Published, not past its expiry, matching every filter, and for this person.</summary>
    public static IQueryable<Article> Live(PortalDb db, Viewer viewer, DateTime now, params Expression<Func<Article, bool>>[] filters)
    {
        var live = db.Articles.AsNoTracking()
            .Where(a => a.Status == ContentStatus.Published && a.PublishedAt != null && (a.ExpiresAt == null || a.ExpiresAt > now));
        return filters.Aggregate(live, (items, filter) => items.Where(filter)).VisibleTo(db, viewer);
    }

    /// <summary>Ids of every published pinned notice, whoever it is for: few, and not personal.</summary>
    public static Task<List<Guid>> PinnedIdsAsync(PortalDb db, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Status == ContentStatus.Published && a.Kind == ContentKind.Notice && a.Pinned)
            .Select(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>Pinned notices, then notices not yet read (or acknowledged, where asked); each newest first.</summary>
    public static async Task<List<FeedEntry>> AttentionAsync(PortalDb db, Viewer viewer, DateTime now, CancellationToken cancellationToken) =>
        await AttentionAsync(db, viewer, now, await PinnedIdsAsync(db, cancellationToken), cancellationToken);

    /// <inheritdoc cref="AttentionAsync(PortalDb, Viewer, DateTime, CancellationToken)"/>
    /// <param name="pinnedIds">From <see cref="PinnedIdsAsync"/>; visibility is still decided per item.</param>
    public static async Task<List<FeedEntry>> AttentionAsync(
        PortalDb db, Viewer viewer, DateTime now, IReadOnlyCollection<Guid> pinnedIds, CancellationToken cancellationToken)
    {
        var pinnedList = pinnedIds.ToList();

        // Looked up by key and ordered here: ordered in SQL, the date index wins and every published row is walked.
        var pinned = pinnedList.Count == 0 ? [] : (await Project(db, viewer, Live(db, viewer, now, a => pinnedList.Contains(a.Id))).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.PublishedAt).Take(AttentionLimit).ToList();
        if (pinned.Count >= AttentionLimit)
        {
            return pinned;
        }

        // Newest first in index order, so the scan stops as soon as the list is full.
        var pending = await Project(db, viewer, Live(db, viewer, now, a => a.Kind == ContentKind.Notice && !a.Pinned, NotDone(db, viewer.PersonId))
                .OrderByDescending(a => a.PublishedAt).Take(AttentionLimit - pinned.Count))
            .ToListAsync(cancellationToken);
        return [.. pinned, .. pending];
    }

    /// <summary>Everything else (all but <paramref name="shownAbove"/>, the notices listed first), newest first, one page at a time.</summary>
    public static async Task<FeedPage> FeedAsync(
        PortalDb db, Viewer viewer, DateTime now, IReadOnlyCollection<Guid> shownAbove, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var above = shownAbove.ToList();
        Expression<Func<Article, bool>> rest = a => !above.Contains(a.Id);
        IQueryable<Article> items;
        if (after is not null)
        {
            var at = after.PublishedAt;
            var shown = after.ShownAtThatTime.ToList();
            items = Live(db, viewer, now, a => a.PublishedAt < at || (a.PublishedAt == at && !shown.Contains(a.Id)), rest);
        }
        else
        {
            items = Live(db, viewer, now, rest);
        }

        var page = await Project(db, viewer, items.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(pageSize + 1)).ToListAsync(cancellationToken);
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

    /// <summary>Live items the person has not opened, counted up to <see cref="UnreadCountCap"/> (shown as "99+").</summary>
    public static Task<int> UnreadCountAsync(PortalDb db, Viewer viewer, DateTime now, CancellationToken cancellationToken)
    {
        var personId = viewer.PersonId;
        var read = db.ArticleReceipts.Where(r => r.PersonId == personId && r.ReadAt != null);
        return Live(db, viewer, now, a => !read.Any(r => r.ArticleId == a.Id)).Take(UnreadCountCap).CountAsync(cancellationToken);
    }

    private static Expression<Func<Article, bool>> NotDone(PortalDb db, Guid personId)
    {
        var receipts = db.ArticleReceipts.Where(r => r.PersonId == personId);
        return a => !receipts.Any(r => r.ArticleId == a.Id && r.ReadAt != null && (!a.RequiresAcknowledgement || r.AcknowledgedAt != null));
    }

    private static IQueryable<FeedEntry> Project(PortalDb db, Viewer viewer, IQueryable<Article> items)
    {
        var personId = viewer.PersonId;
        var receipts = db.ArticleReceipts.Where(r => r.PersonId == personId);
        return items.Select(a => new FeedEntry(
            a.Id,
            a.Kind,
            a.Title,
            a.Summary,
            a.CoverImageId,
            a.PublishedAt!.Value,
            a.Pinned,
            a.RequiresAcknowledgement,
            receipts.Any(r => r.ArticleId == a.Id && r.ReadAt != null),
            receipts.Any(r => r.ArticleId == a.Id && r.AcknowledgedAt != null)));
    }
}
