using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Databases built once per test run and copied for each test: copying a file or a PostgreSQL template
/// takes milliseconds, where migrating takes most of a second and importing an organisation several.
/// Each template is named for this run and dropped when it ends.
/// </summary>
internal static class DatabaseTemplates
{
    public const string Migrated = "migrated";

    private static readonly string Run = Guid.NewGuid().ToString("n")[..8];
    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), "portal-tests", "templates-" + Run);
    private static readonly ConcurrentDictionary<(DatabaseProvider, string), Lazy<Task<string>>> Built = new();
    private static readonly ConcurrentBag<string> PostgresTemplates = [];

    static DatabaseTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    /// <summary>The template's file (SQLite) or database name (PostgreSQL), built on first use.</summary>
    /// <param name="fill">What to put into a migrated database to make the template; null for the migrated one.</param>
    public static Task<string> GetAsync(DatabaseProvider provider, string name, Func<TestDatabase, Task>? fill) =>
        Built.GetOrAdd((provider, name), key => new Lazy<Task<string>>(() => BuildAsync(key.Item1, key.Item2, fill))).Value;

    private static async Task<string> BuildAsync(DatabaseProvider provider, string name, Func<TestDatabase, Task>? fill)
    {
        var template = provider == DatabaseProvider.Postgres ? $"portal_template_{Run}_{name}" : Path.Combine(SqliteFolder, name + ".db");
        var from = name == Migrated ? null : await GetAsync(provider, Migrated, null);
        if (provider == DatabaseProvider.Postgres)
        {
            await TestDatabase.ExecuteOnServerAsync(from is null ? $"CREATE DATABASE {template}" : $"CREATE DATABASE {template} TEMPLATE {from}");
            PostgresTemplates.Add(template);
        }
        else if (from is not null)
        {
            Directory.CreateDirectory(SqliteFolder);
            File.Copy(from, template);
        }
        else
        {
            Directory.CreateDirectory(SqliteFolder);
        }

        // Connections are unpooled, so none is left open once this returns: PostgreSQL copies a template
        // only while nobody is connected to it.
        var database = TestDatabase.Existing(provider, template);
        if (from is null)
        {
            await using var db = database.OpenDb();
            await DataSetup.MigrateAsync(db);
        }

        if (fill is not null)
        {
            await fill(database);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // A copy takes the main file alone, so nothing may stay behind in the write-ahead log.
            await using var db = database.OpenDb();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        return template;
    }

    /// <summary>
    /// The SQLite files first: the test host may be ended before a slow drop finishes. A template left on
    /// the cluster goes with it, since test.sh starts a new cluster for each run.
    /// </summary>
    private static void DropAll()
    {
        if (Directory.Exists(SqliteFolder))
        {
            Directory.Delete(SqliteFolder, recursive: true);
        }

        try
        {
            Task.WhenAll(PostgresTemplates.Select(template => TestDatabase.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {template} WITH (FORCE)")))
                .GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The cluster has stopped already, and its templates went with it.
        }
    }
}
