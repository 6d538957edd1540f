using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.Extensions.Options;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Migrations.Postgres;
using Portal.Migrations.Sqlite;
using Portal.Web.Infrastructure.Data.Sqlite;

namespace Portal.Web.Infrastructure.Data;

public static class DataSetup
{
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration)
    {
        SqliteRuntime.Configure();
        // Pooled: every page view opens several short-lived contexts (viewer, role check, each component's
        // query), and setting up a new one cost more than most of their queries. A pooled SQLite context
        // keeps its connection open, so the pool is kept to what concurrent pages use.
        services.AddPooledDbContextFactory<PortalDb>(
            (provider, builder) =>
            {
                var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                ConfigureProvider(builder, options.Provider, connectionString);
            },
            poolSize: 128);
        return services;
    }

    // A list in a query travels as one array parameter (JSON on SQLite), so its SQL is written once and
    // reused whatever the list's length, precompiled queries included.
    private const ParameterTranslationMode OneArrayParameter = ParameterTranslationMode.Parameter;

    public static void ConfigureProvider(DbContextOptionsBuilder builder, DatabaseProvider provider, string? connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(
                    connectionString,
                    npgsql => npgsql.UseParameterizedCollectionMode(OneArrayParameter).MigrationsAssembly(PostgresMigrations.Assembly));
                break;
            default:
                builder.UseSqlite(
                    string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultSqliteConnectionString() : connectionString,
                    sqlite => sqlite.UseParameterizedCollectionMode(OneArrayParameter).MigrationsAssembly(SqliteMigrations.Assembly));
#pragma warning disable EF1001 // The provider's connection service, replaced by one that closes only when disposed.
                builder.ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001
                builder.AddInterceptors(StatementReuse.Instance);
                break;
        }

        builder.AddInterceptors(ContentChanges.Instance);
    }

    /// <summary>Applies pending migrations before the portal serves a request.</summary>
    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await MigrateAsync(db, cancellationToken);
    }

    /// <summary>The portal's migration step on one context: earlier releases' databases adopted, then migrated.</summary>
    public static async Task MigrateAsync(PortalDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            PrepareSqliteFile(db.Database.GetConnectionString());
        }

        await HandWrittenMigrations.AdoptAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and the single writer work at once; it is a property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static void PrepareSqliteFile(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
