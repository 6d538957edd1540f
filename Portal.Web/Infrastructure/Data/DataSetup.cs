using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;

namespace Portal.Web.Infrastructure.Data;

public static class DataSetup
{
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration)
    {
        SqliteRuntime.Configure();
        // Pooled: every page view opens several short-lived contexts (viewer, role check, each component's
        // query), and setting up a new one cost more than most of their queries.
        services.AddPooledDbContextFactory<PortalDb>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
            ConfigureProvider(builder, options.Provider, connectionString);
        });
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
                builder.UseNpgsql(connectionString, npgsql => npgsql.UseParameterizedCollectionMode(OneArrayParameter));
                break;
            default:
                builder.UseSqlite(
                    string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultSqliteConnectionString() : connectionString,
                    sqlite => sqlite.UseParameterizedCollectionMode(OneArrayParameter));
                break;
        }
    }

    /// <summary>Applies pending migrations before the portal serves a request.</summary>
    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDb>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            PrepareSqliteFile(db.Database.GetConnectionString());
        }

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
