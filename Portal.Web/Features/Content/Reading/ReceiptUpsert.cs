using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// Writes a read (and acknowledgement) into the one receipt row per item and person in one statement.
/// Two opens of the same item at once (a double tap, two devices) would both find no row and both
/// insert; <c>ON CONFLICT</c> turns the second insert into an update instead of a key violation, and
/// <c>COALESCE</c> keeps the first time. SQLite (3.24+) and PostgreSQL accept the same text.
/// </summary>
internal static class ReceiptUpsert
{
    public static Task<int> ReadAsync(PortalDb db, Guid articleId, Guid personId, DateTime at, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ArticleReceipts" ("ArticleId", "PersonId", "Notification", "Reminders", "ReadAt")
            VALUES ({articleId}, {personId}, 0, 0, {at})
            ON CONFLICT ("ArticleId", "PersonId") DO UPDATE
            SET "ReadAt" = COALESCE("ArticleReceipts"."ReadAt", excluded."ReadAt")
            """,
            cancellationToken);

    public static Task<int> AcknowledgeAsync(PortalDb db, Guid articleId, Guid personId, DateTime at, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "ArticleReceipts" ("ArticleId", "PersonId", "Notification", "Reminders", "ReadAt", "AcknowledgedAt")
            VALUES ({articleId}, {personId}, 0, 0, {at}, {at})
            ON CONFLICT ("ArticleId", "PersonId") DO UPDATE
            SET "ReadAt" = COALESCE("ArticleReceipts"."ReadAt", excluded."ReadAt"),
                "AcknowledgedAt" = COALESCE("ArticleReceipts"."AcknowledgedAt", excluded."AcknowledgedAt")
            """,
            cancellationToken);
}
