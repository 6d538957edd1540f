using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Infrastructure.Data;

namespace Portal.Bench;

/// <summary>Audience resolution on a large organisation, on SQLite and (when given) PostgreSQL.</summary>
internal static class AudienceBenchmark
{
    public static async Task RunAsync(string? postgres, int people, int departments)
    {
        Console.WriteLine($"audiences: {people:N0} people in {departments:N0} departments");
        var sqlitePath = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():n}.db");
        await RunOnAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={sqlitePath}", people, departments);
        File.Delete(sqlitePath);
        if (!string.IsNullOrEmpty(postgres))
        {
            var database = "portal_bench_" + Guid.NewGuid().ToString("n")[..8];
            await AdministerAsync(postgres, "CREATE DATABASE " + database);

            var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database };
            await RunOnAsync("PostgreSQL", DatabaseProvider.Postgres, builder.ConnectionString, people, departments);
            await AdministerAsync(postgres, "DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    private static async Task RunOnAsync(string label, DatabaseProvider provider, string connectionString, int people, int departments)
    {
        await using var db = Open(provider, connectionString);
        await db.Database.MigrateAsync();
        var seeding = Stopwatch.StartNew();
        var topLevel = await SyntheticOrg.SeedAsync(db, people, departments);
        Console.WriteLine($"[{label}] seeded in {seeding.Elapsed.TotalSeconds:0.0} s");

        var largest = await db.DepartmentClosures.Where(c => topLevel.Contains(c.AncestorId))
            .GroupBy(c => c.AncestorId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        AudienceRule[] subtree = [AudienceRule.ForDepartment(largest, includeSubdepartments: true)];

        var baseline = await Measure.RunAsync("baseline: count active people", () => db.People.CountAsync(p => p.Active));
        var count = await Measure.RunAsync("subtree of the largest division: count", () => AudienceMembers.Resolve(db, false, subtree).CountAsync());
        var page = await Measure.RunAsync("subtree of the largest division: page of 50", () =>
            AudienceMembers.Resolve(db, false, subtree).OrderBy(p => p.Name).Take(50).ToListAsync());
        var reach = await Measure.RunAsync("subtree reach (people + departments)", () => AudienceMembers.ReachAsync(db, false, subtree, CancellationToken.None));
        var size = await AudienceMembers.Resolve(db, false, subtree).CountAsync();

        Console.WriteLine($"[{label}] largest division {largest}: {size:N0} people");
        foreach (var result in new[] { baseline, count, page, reach })
        {
            Console.WriteLine($"[{label}] {result.Format(result == baseline ? null : baseline)}");
        }
    }

    private static async Task AdministerAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The statement names a database this benchmark generated itself.
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private static PortalDb Open(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDb>();
        DataSetup.ConfigureProvider(builder, provider, connectionString);
        return new PortalDb(builder.Options);
    }
}
