using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.Data;

namespace Portal.Web.Infrastructure.Data;

/// <summary>
/// Releases before the generated migrations built their databases with a hand-written chain, whose
/// ids are in those databases' history but in no migrations assembly now. A database that went the
/// whole chain has exactly the schema of the generated baseline, so the baseline is recorded as
/// applied and later migrations follow as usual. One that stopped part way is refused: the baseline
/// cannot start from the middle of the old chain.
/// </summary>
internal static class HandWrittenMigrations
{
    public const string Last = "20261214090000_ReviewTodos";

    public static async Task AdoptAsync(PortalDb db, CancellationToken cancellationToken = default)
    {
        // A new database is left to Migrate, which creates it: reading its missing history would log an error.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken) || !await creator.HasTablesAsync(cancellationToken))
        {
            return;
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var generated = db.Database.GetMigrations().ToList();
        if (applied.Count == 0 || applied.Intersect(generated).Any())
        {
            return;
        }

        if (!applied.Contains(Last))
        {
            throw new InvalidOperationException(
                $"The database was last migrated to {applied.Max(StringComparer.Ordinal)} by an earlier release, before {Last}. " +
                "This release can only upgrade a database that earlier releases brought to " + Last + ": start the previous " +
                "release once so that it migrates the database, then start this one. Nothing was changed.");
        }

        var baseline = generated[0];
        var version = ProductInfo.GetVersion();
        // Several instances may start at once; each records the baseline, the first one wins.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({baseline}, {version}) ON CONFLICT DO NOTHING""",
            cancellationToken);
    }
}
