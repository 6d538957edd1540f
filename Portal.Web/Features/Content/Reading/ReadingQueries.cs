using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// What a person reads: the notices that want their attention, the feed, their unread count. Every
/// query starts from <see cref="Live"/>, which filters through <see cref="AudienceFilter.VisibleTo{T}(IQueryable{T}, PortalDb, Viewer)"/>.
/// </summary>
public static class ReadingQueries
{
    public const int AttentionLimit = 20;
    public const int UnreadCountCap = 100;

    /// <summary>Published, not past its expiry, and for this person.</summary>
    public static IQueryable<Article> Live(PortalDb db, Viewer viewer, DateTime now) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Status == ContentStatus.Published && a.PublishedAt != null && (a.ExpiresAt == null || a.ExpiresAt > now))
            .VisibleTo(db, viewer);

    /// <summary>Pinned notices, then notices not yet read (or acknowledged, where asked); pinned first, newest first.</summary>
    public static Task<List<FeedEntry>> AttentionAsync(PortalDb db, Viewer viewer, DateTime now, CancellationToken cancellationToken) =>
        Project(db, viewer, Live(db, viewer, now).Where(NeedsAttention(db, viewer.PersonId))
                .OrderByDescending(a => a.Pinned).ThenByDescending(a => a.PublishedAt).Take(AttentionLimit))
            .ToListAsync(cancellationToken);

    /// <summary>Everything else, newest first, one page at a time.</summary>
    public static async Task<FeedPage> FeedAsync(PortalDb db, Viewer viewer, DateTime now, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        var items = Live(db, viewer, now).Where(Not(NeedsAttention(db, viewer.PersonId)));
        if (after is not null)
        {
            var at = after.PublishedAt;
            var shown = after.ShownAtThatTime.ToList();
            items = items.Where(a => a.PublishedAt < at || (a.PublishedAt == at && !shown.Contains(a.Id)));
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
        return Live(db, viewer, now).Where(a => !read.Any(r => r.ArticleId == a.Id)).Take(UnreadCountCap).CountAsync(cancellationToken);
    }

    private static Expression<Func<Article, bool>> NeedsAttention(PortalDb db, Guid personId)
    {
        var receipts = db.ArticleReceipts.Where(r => r.PersonId == personId);
        return a => a.Kind == ContentKind.Notice
            && (a.Pinned || !receipts.Any(r => r.ArticleId == a.Id && r.ReadAt != null && (!a.RequiresAcknowledgement || r.AcknowledgedAt != null)));
    }

    private static Expression<Func<Article, bool>> Not(Expression<Func<Article, bool>> predicate) =>
        Expression.Lambda<Func<Article, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

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
