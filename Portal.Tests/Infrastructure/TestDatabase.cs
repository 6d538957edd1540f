using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Portal.Domain.Data;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A private, throwaway database on SQLite (a temp file) or the test PostgreSQL cluster: empty, for
/// tests about migrating, or already migrated (a copy of a template migrated once per test run).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    private readonly string? sqliteDirectory;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteDirectory = sqliteDirectory;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The test cluster's connection string, set by test.sh. Tests never silently skip PostgreSQL.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run ./test.sh, which starts a throwaway PostgreSQL cluster and sets it.");

    /// <summary>A database with the portal's schema in place, as the portal leaves it after its first start.</summary>
    public static Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        CreateFromTemplateAsync(provider, DatabaseTemplates.Migrated, fill: null);

    /// <summary>
    /// A copy of a template made once per test run: a migrated database that <paramref name="fill"/> has
    /// written to. For set-ups that cost seconds (an imported organisation) and are the same for many tests.
    /// </summary>
    /// <param name="template">Names the template; one name, one <paramref name="fill"/>.</param>
    public static async Task<TestDatabase> CreateFromTemplateAsync(DatabaseProvider provider, string template, Func<TestDatabase, Task>? fill)
    {
        var source = await DatabaseTemplates.GetAsync(provider, template, fill);
        if (provider == DatabaseProvider.Postgres)
        {
            return await CreatePostgresAsync(source);
        }

        var database = NewSqlite();
        File.Copy(source, database.SqliteFile);
        return database;
    }

    /// <summary>A database without any table, for tests about migrating it.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? await CreatePostgresAsync(template: null) : NewSqlite();

    /// <summary>An empty SQLite file at once, for a test that must name its database before anything async (a portal migrates it at start).</summary>
    public static TestDatabase CreateEmptySqlite() => NewSqlite();

    /// <summary>Opens a context the way the portal configures one.</summary>
    public PortalDb OpenDb(Action<DbContextOptionsBuilder<PortalDb>>? configure = null)
    {
        var builder = Options();
        configure?.Invoke(builder);
        return new PortalDb(builder.Options);
    }

    /// <summary>A context factory on this database, for use cases that take one.</summary>
    public IDbContextFactory<PortalDb> CreateFactory() => new PooledDbContextFactory<PortalDb>(Options().Options);

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }

        if (sqliteDirectory is not null)
        {
            try
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing host; the temp folder is cleaned by the OS.
            }
        }
    }

    internal static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A database that exists already (a SQLite file or a PostgreSQL database name), left in place when disposed.</summary>
    internal static TestDatabase Existing(DatabaseProvider provider, string fileOrName) =>
        new(provider, provider == DatabaseProvider.Postgres ? PostgresConnectionString(fileOrName) : SqliteConnectionString(fileOrName), null, null);

    private static string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, Pooling = false }.ConnectionString;

    private static string SqliteConnectionString(string file) => $"Data Source={file};Pooling=False";

    private string SqliteFile => Path.Combine(sqliteDirectory!, "portal.db");

    private static TestDatabase NewSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        return new TestDatabase(DatabaseProvider.Sqlite, SqliteConnectionString(Path.Combine(directory, "portal.db")), directory, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string? template)
    {
        var name = "portal_" + Guid.NewGuid().ToString("n")[..16];
        await ExecuteOnServerAsync(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return new TestDatabase(DatabaseProvider.Postgres, PostgresConnectionString(name), null, name);
    }

    private DbContextOptionsBuilder<PortalDb> Options()
    {
        var builder = new DbContextOptionsBuilder<PortalDb>();
        DataSetup.ConfigureProvider(builder, Provider, ConnectionString);
        return builder;
    }
}
