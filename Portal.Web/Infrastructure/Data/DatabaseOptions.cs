namespace Portal.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:Portal</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Portal";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The embedded default: a SQLite file in a data folder beside the app.</summary>
    public static string DefaultSqliteConnectionString() =>
        $"Data Source={Path.Combine(AppContext.BaseDirectory, "data", "portal.db")}";
}
