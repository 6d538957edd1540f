using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// What a person reads: the items a home page shows (chosen by <see cref="PersonFeed"/>) and their
/// unread count, which reads only <see cref="Readable"/> items and so inlines
/// <see cref="AudienceFilter.Targeted{T}.Visible"/>. They run on every page, so they are precompiled:
/// for a query this size EF Core's per-run preparation cost three times the SQL itself.
/// </summary>
public static class ReadingQueries
{
    public const int UnreadCountCap = 100;

    /// <summary>
    /// Published (which sets the publication time: testing it too would steer SQLite onto the date index
    /// even where a better one exists), not past its expiry, and for this person.
    /// </summary>
    private static readonly Expression<Func<PortalDb, Guid, DateTime, IQueryable<Article>>> Readable = Inline.Expand(
        (PortalDb db, Guid personId, DateTime now) => AudienceFilter.Targeted<Article>.Visible.Invoke(
            db, personId, db.Articles.AsNoTracking().Where(a => a.Status == ContentStatus.Published && (a.ExpiresAt == null || a.ExpiresAt > now))));

    // The person's receipts of the items a page shows, as one state each.
    private static readonly PerModel<Func<PortalDb, Guid, Guid[], IAsyncEnumerable<ReceiptOf>>> Receipts = new(() => EF.CompileAsyncQuery(
        (PortalDb db, Guid personId, Guid[] articleIds) => db.ArticleReceipts
            .Where(r => r.PersonId == personId && articleIds.Contains(r.ArticleId))
            .Select(r => new ReceiptOf(
                r.ArticleId, (ReceiptState)((r.ReadAt != null ? (int)ReceiptState.Read : 0) | (r.AcknowledgedAt != null ? (int)ReceiptState.Acknowledged : 0))))));

    private static readonly PerModel<Func<PortalDb, Guid, DateTime, CancellationToken, Task<int>>> Unread = new(() => EF.CompileAsyncQuery(Inline.Expand(
        (PortalDb db, Guid personId, DateTime now, CancellationToken cancellationToken) => Readable.Invoke(db, personId, now)
            .Where(a => !db.ArticleReceipts.Any(r => r.PersonId == personId && r.ArticleId == a.Id && r.ReadAt != null))
            .OrderByDescending(a => a.PublishedAt).Take(UnreadCountCap).Count())));

    /// <summary>What the person's receipts of the items say; an item without one is absent.</summary>
    public static IAsyncEnumerable<ReceiptOf> ReceiptsAsync(PortalDb db, Guid personId, Guid[] articleIds) =>
        Receipts.For(db)(db, personId, articleIds);

    /// <summary>Live items the person has not opened, counted up to <see cref="UnreadCountCap"/> (shown as "99+").</summary>
    public static Task<int> UnreadCountAsync(PortalDb db, Viewer viewer, DateTime now, CancellationToken cancellationToken) =>
        Unread.For(db)(db, viewer.PersonId, now, cancellationToken);
}

/// <summary>A person's receipt of an item, as one state.</summary>
public sealed record ReceiptOf(Guid ArticleId, ReceiptState State);
