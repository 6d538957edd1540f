using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// What a person reads: the notices that want their attention, the feed, their unread count. Every
/// query reads only <see cref="Readable"/> items, which inlines <see cref="AudienceFilter.Targeted{T}.Visible"/>.
/// They run on every home page, so they are precompiled: for a query this size EF Core's per-run
/// preparation cost three times the SQL itself.
/// </summary>
public static class ReadingQueries
{
    public const int AttentionLimit = 10;
    public const int UnreadCountCap = 100;

    // The first page's "published up to": one precompiled feed query serves every page.
    private static readonly DateTime Latest = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);

    /// <summary>
    /// Published (which sets the publication time: testing it too would steer SQLite onto the date index
    /// even where a better one exists), not past its expiry, and for this person.
    /// </summary>
    private static readonly Expression<Func<PortalDb, Guid, DateTime, IQueryable<Article>>> Readable = Inline.Expand(
        (PortalDb db, Guid personId, DateTime now) => AudienceFilter.Targeted<Article>.Visible.Invoke(
            db, personId, db.Articles.AsNoTracking().Where(a => a.Status == ContentStatus.Published && (a.ExpiresAt == null || a.ExpiresAt > now))));

    // Read and acknowledged come from one receipt lookup, not one each.
    private static readonly Expression<Func<PortalDb, Guid, Article, FeedEntry>> Entry = (db, personId, a) => new FeedEntry(
        a.Id,
        a.Kind,
        a.Title,
        a.Summary,
        a.CoverImageId,
        a.PublishedAt!.Value,
        a.Pinned,
        a.RequiresAcknowledgement,
        (ReceiptState)db.ArticleReceipts.Where(r => r.PersonId == personId && r.ArticleId == a.Id)
            .Select(r => (r.ReadAt != null ? (int)ReceiptState.Read : 0) | (r.AcknowledgedAt != null ? (int)ReceiptState.Acknowledged : 0))
            .FirstOrDefault());

    // Found, and ordered, through their partial index.
    private static readonly PerModel<Func<PortalDb, Guid, DateTime, IAsyncEnumerable<FeedEntry>>> Pinned = new(() => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId, DateTime now) => Readable.Invoke(db, personId, now)
            .Where(a => a.Kind == ContentKind.Notice && a.Pinned)
            .OrderByDescending(a => a.PublishedAt).Take(AttentionLimit)
            .Select(a => Entry.Invoke(db, personId, a)))));

    // Newest first in index order, so the walk stops as soon as the list is full.
    private static readonly PerModelAndLimit<Func<PortalDb, Guid, DateTime, IAsyncEnumerable<FeedEntry>>> Pending = new(take => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId, DateTime now) => Readable.Invoke(db, personId, now)
            .Where(a => a.Kind == ContentKind.Notice && !a.Pinned
                && !db.ArticleReceipts.Any(r => r.PersonId == personId && r.ArticleId == a.Id && r.ReadAt != null
                    && (!a.RequiresAcknowledgement || r.AcknowledgedAt != null)))
            .OrderByDescending(a => a.PublishedAt).Take(take)
            .Select(a => Entry.Invoke(db, personId, a)))));

    // The items to leave out travel as one array parameter (JSON on SQLite), so the SQL stays the same
    // whatever their number and the walk stops at exactly one page.
    private static readonly PerModelAndLimit<Func<PortalDb, Guid, DateTime, DateTime, Guid[], IAsyncEnumerable<FeedEntry>>> Newest = new(take => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId, DateTime now, DateTime upTo, Guid[] leaveOut) => Readable.Invoke(db, personId, now)
            .Where(a => a.PublishedAt <= upTo && !leaveOut.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(take)
            .Select(a => Entry.Invoke(db, personId, a)))));

    private static readonly PerModel<Func<PortalDb, Guid, DateTime, CancellationToken, Task<int>>> Unread = new(() => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId, DateTime now, CancellationToken cancellationToken) => Readable.Invoke(db, personId, now)
            .Where(a => !db.ArticleReceipts.Any(r => r.PersonId == personId && r.ArticleId == a.Id && r.ReadAt != null))
            .OrderByDescending(a => a.PublishedAt).Take(UnreadCountCap).Count())));

    /// <summary>Pinned notices, then notices not yet read (or acknowledged, where asked); each newest first.</summary>
    public static async Task<List<FeedEntry>> AttentionAsync(PortalDb db, Viewer viewer, DateTime now, CancellationToken cancellationToken)
    {
        var pinned = await Pinned.For(db)(db, viewer.PersonId, now).ToListAsync(cancellationToken);
        if (pinned.Count >= AttentionLimit)
        {
            return pinned;
        }

        return [.. pinned, .. await Pending.For(db, AttentionLimit - pinned.Count)(db, viewer.PersonId, now).ToListAsync(cancellationToken)];
    }

    /// <summary>Everything else (all but <paramref name="shownAbove"/>, the notices listed first), newest first, one page at a time.</summary>
    public static async Task<FeedPage> FeedAsync(
        PortalDb db, Viewer viewer, DateTime now, IReadOnlyCollection<Guid> shownAbove, FeedCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        Guid[] leaveOut = [.. shownAbove.Concat(after?.ShownAtThatTime ?? []).Distinct()];
        var page = await Newest.For(db, pageSize + 1)(db, viewer.PersonId, now, after?.PublishedAt ?? Latest, leaveOut).ToListAsync(cancellationToken);
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
    public static Task<int> UnreadCountAsync(PortalDb db, Viewer viewer, DateTime now, CancellationToken cancellationToken) =>
        Unread.For(db)(db, viewer.PersonId, now, cancellationToken);
}
