using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Web.Features.People.Import;

/// <summary>
/// The first import of a large organisation writes a hundred thousand rows; SaveChanges spends most of
/// its time per entity. This writes the same rows, in the same storage format EF uses, with a prepared
/// statement on SQLite and binary COPY on PostgreSQL, inside the import's transaction.
/// </summary>
internal static class BulkInsert
{
    private const string PeopleColumns = "\"Id\", \"UserId\", \"UnionId\", \"Name\", \"Mobile\", \"Title\", \"JobNumber\", \"Email\", \"AvatarUrl\", \"Active\", \"AdminLevel\", \"DingTalkRoles\", \"HiredAt\", \"UpdatedAt\"";
    private const string MembershipColumns = "\"PersonId\", \"DepartmentId\", \"IsLeader\"";

    public static async Task PeopleAsync(PortalDb db, IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await using var copy = await Connection<NpgsqlConnection>(db).BeginBinaryImportAsync($"COPY \"People\" ({PeopleColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var p in people)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(p.UserId, NpgsqlDbType.Varchar, cancellationToken);
                await WriteTextAsync(copy, p.UnionId, cancellationToken);
                await copy.WriteAsync(p.Name, NpgsqlDbType.Varchar, cancellationToken);
                await WriteTextAsync(copy, p.Mobile, cancellationToken);
                await WriteTextAsync(copy, p.Title, cancellationToken);
                await WriteTextAsync(copy, p.JobNumber, cancellationToken);
                await WriteTextAsync(copy, p.Email, cancellationToken);
                await WriteTextAsync(copy, p.AvatarUrl, cancellationToken);
                await copy.WriteAsync(p.Active, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(p.AdminLevel, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(p.DingTalkRoles, NpgsqlDbType.Varchar, cancellationToken);
                if (p.HiredAt is { } hired)
                {
                    await copy.WriteAsync(hired, NpgsqlDbType.TimestampTz, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }

                await copy.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
            return;
        }

        await SqliteAsync(db, "People", PeopleColumns, 14, people, p =>
            [Text(p.Id), p.UserId, p.UnionId, p.Name, p.Mobile, p.Title, p.JobNumber, p.Email, p.AvatarUrl, p.Active ? 1 : 0, p.AdminLevel, p.DingTalkRoles, p.HiredAt is { } h ? Text(h) : null, Text(p.UpdatedAt)],
            cancellationToken);
    }

    public static async Task MembershipsAsync(PortalDb db, IReadOnlyList<PersonDepartment> rows, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await using var copy = await Connection<NpgsqlConnection>(db).BeginBinaryImportAsync($"COPY \"PersonDepartments\" ({MembershipColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var m in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(m.PersonId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(m.DepartmentId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(m.IsLeader, NpgsqlDbType.Boolean, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
            return;
        }

        await SqliteAsync(db, "PersonDepartments", MembershipColumns, 3, rows, m => [Text(m.PersonId), m.DepartmentId, m.IsLeader ? 1 : 0], cancellationToken);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
        }
    }

    private static async Task SqliteAsync<T>(
        PortalDb db, string table, string columns, int count, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await using var command = Connection<SqliteConnection>(db).CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = Enumerable.Range(0, count).Select(i => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < count; i++)
            {
                parameters[i].Value = rowValues[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // EF's SQLite storage: GUIDs as upper-case text, times as ISO text with up to seven fraction digits.
    private static string Text(Guid value) => value.ToString().ToUpperInvariant();

    private static string Text(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static TConnection Connection<TConnection>(PortalDb db)
        where TConnection : DbConnection =>
        (TConnection)db.Database.GetDbConnection();
}
