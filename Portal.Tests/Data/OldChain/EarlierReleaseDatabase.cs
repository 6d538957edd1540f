using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Data.OldChain;

/// <summary>
/// A database as releases before the generated migrations left it: built by the script of their
/// hand-written migration chain (the fixtures beside this file), with rows written in that schema.
/// </summary>
internal static class EarlierReleaseDatabase
{
    private static readonly HashSet<string> MigrationTables = new(StringComparer.OrdinalIgnoreCase) { "__EFMigrationsHistory", "__EFMigrationsLock" };

    /// <summary>Runs the old chain's script, all of it or up to and including <paramref name="stopAfter"/>.</summary>
    public static async Task BuildAsync(TestDatabase database, string? stopAfter = null)
    {
        var name = database.Provider == DatabaseProvider.Postgres ? "postgres.sql" : "sqlite.sql";
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "OldChain", name));
        if (stopAfter is not null)
        {
            var recorded = script.IndexOf($"'{stopAfter}'", StringComparison.Ordinal);
            Assert.True(recorded > 0, $"{stopAfter} is not in the old chain");
            script = script[..(script.IndexOf("COMMIT;", recorded, StringComparison.Ordinal) + "COMMIT;".Length)];
        }

        await using var db = database.OpenDb();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // A committed fixture, not input.
        command.CommandText = script;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Writes <see cref="EarlierReleaseRows.All"/> as the old release stored them.</summary>
    public static async Task InsertRowsAsync(DbConnection connection, DatabaseProvider provider)
    {
        foreach (var (table, values) in EarlierReleaseRows.All)
        {
            await using var command = connection.CreateCommand();
            var columns = string.Join(", ", values.Select(v => $"\"{v.Column}\""));
            var parameters = string.Join(", ", values.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
#pragma warning disable CA2100 // Table and column names come from the fixture rows; values travel as parameters.
            command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({parameters})";
#pragma warning restore CA2100
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = StoredValue(values[i].Value, provider);
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Every row of every table (migration bookkeeping aside), as sorted lines of sorted column values.</summary>
    public static async Task<IReadOnlyList<string>> ReadAllRowsAsync(DbConnection connection, DatabaseProvider provider)
    {
        var tablesQuery = provider == DatabaseProvider.Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = (await ReadAsync(connection, tablesQuery)).Select(row => row[0].Value).Where(t => !MigrationTables.Contains(t)).ToList();
        var lines = new List<string>();
        foreach (var table in tables)
        {
            foreach (var row in await ReadAsync(connection, $"SELECT * FROM \"{table}\""))
            {
                lines.Add(table + ": " + string.Join("; ", row.OrderBy(c => c.Column, StringComparer.Ordinal).Select(c => $"{c.Column}={c.Value}")));
            }
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    // As EF stored them: SQLite keeps a Guid as upper-case text (its ADO.NET driver alone would write a blob).
    private static object StoredValue(object? value, DatabaseProvider provider) => value switch
    {
        null => DBNull.Value,
        Guid id when provider == DatabaseProvider.Sqlite => id.ToString().ToUpperInvariant(),
        _ => value,
    };

    private static async Task<List<(string Column, string Value)[]>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the database's own catalog.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)[]>();
        while (await reader.ReadAsync())
        {
            var row = new (string, string)[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) switch
                {
                    byte[] bytes => "0x" + Convert.ToHexString(bytes),
                    DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                };
                row[i] = (reader.GetName(i), value);
            }

            rows.Add(row);
        }

        return rows;
    }
}
