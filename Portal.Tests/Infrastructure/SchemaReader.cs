using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Reads a database's schema back from the catalog as sorted lines (tables, columns with type and
/// nullability, keys, indexes, foreign keys), so two schemas compare as text and a diff reads plainly.
/// </summary>
public static class SchemaReader
{
    private static readonly HashSet<string> MigrationTables = new(StringComparer.OrdinalIgnoreCase) { "__EFMigrationsHistory", "__EFMigrationsLock" };

    public static async Task<IReadOnlyList<string>> ReadAsync(PortalDb db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var lines = db.Database.IsNpgsql() ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
            return [.. lines.Order(StringComparer.Ordinal)];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            .Select(r => r[0]).Where(t => !MigrationTables.Contains(t)).ToList();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}')"))
            {
                lines.Add($"column {table}.{c[0]} type={c[1]} notnull={c[2]} pk={c[3]} default={c[4]}");
            }

            foreach (var index in await QueryAsync(connection, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"))
            {
                var columns = (await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno")).Select(r => r[0]);
                var name = index[2] == "c" ? index[0] : index[2];
                lines.Add($"index {table}.{name} unique={index[1]} partial={index[3]} ({string.Join(",", columns)})");
            }

            foreach (var fk in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete, on_update FROM pragma_foreign_key_list('{table}')"))
            {
                lines.Add($"fk {table}.{fk[1]} -> {fk[0]}.{fk[2]} delete={fk[3]} update={fk[4]}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        const string columns = """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable,
                   coalesce(column_default, ''), coalesce(is_identity, ''), coalesce(numeric_precision::text, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            """;
        foreach (var c in await QueryAsync(connection, columns))
        {
            if (MigrationTables.Contains(c[0]))
            {
                continue;
            }

            lines.Add($"table {c[0]}");
            lines.Add($"column {c[0]}.{c[1]} type={c[2]}({c[3]}) precision={c[7]} nullable={c[4]} default={c[5]} identity={c[6]}");
        }

        foreach (var index in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        {
            if (!MigrationTables.Contains(index[0]))
            {
                lines.Add($"index {index[0]}.{index[1]} {index[2]}");
            }
        }

        const string constraints = """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """;
        foreach (var constraint in await QueryAsync(connection, constraints))
        {
            if (!MigrationTables.Contains(constraint[0].Trim('"')))
            {
                lines.Add($"constraint {constraint[0]}.{constraint[1]} {constraint[2]}");
            }
        }

        return [.. lines.Distinct()];
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}
