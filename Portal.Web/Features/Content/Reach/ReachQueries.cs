using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Web.Features.Content.Delivery;

namespace Portal.Web.Features.Content.Reach;

public enum ReachState
{
    Unread,
    Read,
    Acknowledged,
    Delivered,
}

/// <param name="Unread">Not read yet, or for a notice that asks for it, not acknowledged yet (as reminders count them).</param>
public sealed record ReachCounts(int Audience, int Delivered, int Read, int Acknowledged, int Unread);

public sealed record ReachPerson(Guid Id, string Name, string? Department, DateTime? At);

public sealed record ReachPeoplePage(IReadOnlyList<ReachPerson> People, int Total);

/// <summary>How an item reached its audience: counts, the people in each state, reads over time.</summary>
public static class ReachQueries
{
    public static async Task<ReachCounts> CountsAsync(PortalDb db, Article article, CancellationToken cancellationToken)
    {
        var members = (await MembersAsync(db, article, cancellationToken)).Select(p => p.Id);
        var receipts = db.ArticleReceipts.Where(r => r.ArticleId == article.Id && members.Contains(r.PersonId));
        var unread = await UnreadReaders.QueryAsync(db, article, cancellationToken);
        return new ReachCounts(
            await members.CountAsync(cancellationToken),
            await receipts.CountAsync(r => r.Notification == NotificationOutcome.Sent || r.Notification == NotificationOutcome.Read, cancellationToken),
            await receipts.CountAsync(r => r.ReadAt != null, cancellationToken),
            await receipts.CountAsync(r => r.AcknowledgedAt != null, cancellationToken),
            await unread.CountAsync(cancellationToken));
    }

    public static async Task<ReachPeoplePage> PeopleAsync(PortalDb db, Article article, ReachState state, int page, int pageSize, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(db, article, cancellationToken);
        var receipts = db.ArticleReceipts.Where(r => r.ArticleId == article.Id);
        IQueryable<ReachRow> rows = state switch
        {
            ReachState.Unread => (await UnreadReaders.QueryAsync(db, article, cancellationToken)).Select(p => new ReachRow { Person = p, At = null }),
            ReachState.Read => members.Join(receipts.Where(r => r.ReadAt != null), p => p.Id, r => r.PersonId, (p, r) => new ReachRow { Person = p, At = r.ReadAt }),
            ReachState.Acknowledged => members.Join(receipts.Where(r => r.AcknowledgedAt != null), p => p.Id, r => r.PersonId, (p, r) => new ReachRow { Person = p, At = r.AcknowledgedAt }),
            _ => members.Join(
                receipts.Where(r => r.Notification == NotificationOutcome.Sent || r.Notification == NotificationOutcome.Read), p => p.Id, r => r.PersonId, (p, r) => new ReachRow { Person = p, At = r.NotifiedAt }),
        };
        var total = await rows.CountAsync(cancellationToken);
        var ordered = state == ReachState.Unread
            ? rows.OrderBy(r => r.Person.Name).ThenBy(r => r.Person.Id)
            : rows.OrderByDescending(r => r.At).ThenBy(r => r.Person.Id);
        var people = await ordered.Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(r => new ReachPerson(
                r.Person.Id,
                r.Person.Name,
                db.Departments
                    .Where(d => db.PersonDepartments.Any(m => m.PersonId == r.Person.Id && m.DepartmentId == d.Id))
                    .OrderBy(d => d.Id).Select(d => d.Name).FirstOrDefault(),
                r.At))
            .ToListAsync(cancellationToken);
        return new ReachPeoplePage(people, total);
    }

    /// <summary>DingTalk userIds of people who have not read (or acknowledged) the item, by name, at most <paramref name="limit"/>.</summary>
    public static async Task<List<string>> UnreadUserIdsAsync(PortalDb db, Article article, int limit, CancellationToken cancellationToken) =>
        await (await UnreadReaders.QueryAsync(db, article, cancellationToken))
            .Where(p => p.UserId != "")
            .OrderBy(p => p.Name).ThenBy(p => p.UserId)
            .Select(p => p.UserId)
            .Take(limit)
            .ToListAsync(cancellationToken);

    /// <summary>The first-read times of the item, for the chart.</summary>
    public static Task<List<DateTime>> ReadTimesAsync(PortalDb db, Guid articleId, CancellationToken cancellationToken) =>
        db.ArticleReceipts.AsNoTracking().Where(r => r.ArticleId == articleId && r.ReadAt != null).Select(r => r.ReadAt!.Value).ToListAsync(cancellationToken);

    private static async Task<IQueryable<Person>> MembersAsync(PortalDb db, Article article, CancellationToken cancellationToken)
    {
        var audience = await db.Audiences.AsNoTracking().Include(a => a.Rules).SingleAsync(a => a.Id == article.AudienceId, cancellationToken);
        return AudienceMembers.Resolve(db, audience);
    }

    private sealed class ReachRow
    {
        public Person Person { get; init; } = default!;

        public DateTime? At { get; init; }
    }
}
