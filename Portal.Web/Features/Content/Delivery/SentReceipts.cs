using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>
/// Records that an accepted call reached its recipients, as one INSERT … SELECT … ON CONFLICT statement
/// (SQLite and PostgreSQL share the syntax): a call to everyone or to departments covers up to the whole
/// organisation, and loading and tracking a receipt per person would take minutes instead of a second.
/// </summary>
internal static class SentReceipts
{
    // A read reported earlier stays read (as ArticleReceipt.Notified keeps it); reading in the portal is not touched.
    private const string Upsert = """
        INSERT INTO "ArticleReceipts" ("ArticleId", "PersonId", "Notification", "NotificationCode", "NotifiedAt", "Reminders")
        SELECT {0}, p."Id", {1}, NULL, {2}, 0 FROM "People" AS p
        WHERE {MEMBERS}
        ON CONFLICT ("ArticleId", "PersonId") DO UPDATE SET
            "Notification" = CASE WHEN "ArticleReceipts"."Notification" = {3} THEN {3} ELSE excluded."Notification" END,
            "NotificationCode" = CASE WHEN "ArticleReceipts"."Notification" = {3} THEN "ArticleReceipts"."NotificationCode" ELSE NULL END,
            "NotifiedAt" = COALESCE("ArticleReceipts"."NotifiedAt", excluded."NotifiedAt")
        """;

    private const string Everyone = "p.\"Active\"";

    private const string InDepartments = """
        p."Active" AND p."Id" IN (
            SELECT pd."PersonId" FROM "PersonDepartments" AS pd
            INNER JOIN "DepartmentClosures" AS c ON c."DescendantId" = pd."DepartmentId"
            WHERE c."AncestorId" IN ({LIST}))
        """;

    private const string Listed = "p.\"UserId\" IN ({LIST})";

    /// <returns>How many receipts were written or updated.</returns>
    public static async Task<int> RecordAsync(PortalDb db, Guid articleId, NotificationCall call, DateTime at, CancellationToken cancellationToken)
    {
        var parameters = new List<object> { articleId, (int)NotificationOutcome.Sent, at, (int)NotificationOutcome.Read };
        string members;
        if (call.ToAllUsers)
        {
            members = Everyone;
        }
        else if (call.DepartmentIds.Length > 0)
        {
            members = InDepartments.Replace("{LIST}", Placeholders(parameters, call.DepartmentIds.Split(',').Select(id => (object)long.Parse(id, CultureInfo.InvariantCulture))), StringComparison.Ordinal);
        }
        else
        {
            members = Listed.Replace("{LIST}", Placeholders(parameters, call.UserIds.Split(',')), StringComparison.Ordinal);
        }

#pragma warning disable EF1002 // Only placeholders are composed in; every value is a parameter.
        return await db.Database.ExecuteSqlRawAsync(Upsert.Replace("{MEMBERS}", members, StringComparison.Ordinal), parameters, cancellationToken);
#pragma warning restore EF1002
    }

    private static string Placeholders(List<object> parameters, IEnumerable<object> values)
    {
        var list = new StringBuilder();
        foreach (var value in values)
        {
            list.Append(list.Length == 0 ? "" : ", ").Append('{').Append(parameters.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
            parameters.Add(value);
        }

        return list.ToString();
    }
}
