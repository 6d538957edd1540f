using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Outbox;

namespace Portal.Web.Features.Outbox;

/// <summary>
/// Takes a batch of due messages for one relay. On PostgreSQL several instances claim in parallel
/// without waiting on each other (<c>FOR UPDATE SKIP LOCKED</c>); SQLite has a single writer anyway.
/// </summary>
internal static class OutboxLeases
{
    public static async Task<List<OutboxMessage>> ClaimAsync(PortalDb db, string owner, DateTime now, TimeSpan leaseFor, int batchSize, CancellationToken cancellationToken)
    {
        var until = now + leaseFor;
        var skipLocked = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = """
            UPDATE "OutboxMessages" SET "LeaseOwner" = {0}, "LeaseUntil" = {1}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" = 0 AND "NextAttemptAt" <= {2} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {2})
                ORDER BY "NextAttemptAt" LIMIT {3}
            """ + skipLocked + ")";
#pragma warning disable EF1002 // Only the provider's locking clause is composed in; every value is a parameter.
        var claimed = await db.Database.ExecuteSqlRawAsync(sql, [owner, until, now, batchSize], cancellationToken);
#pragma warning restore EF1002
        if (claimed == 0)
        {
            return [];
        }

        return await db.OutboxMessages
            .Where(m => m.LeaseOwner == owner && m.LeaseUntil == until && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);
    }
}
