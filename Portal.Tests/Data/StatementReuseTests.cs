using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data.Sqlite;

namespace Portal.Tests.Data;

/// <summary>
/// On SQLite a context keeps its connection open and each SQL prepared once: every run still reads
/// with its own values, inside and outside transactions, and the same SQL can run while it is being read.
/// </summary>
public sealed class StatementReuseTests
{
    [Fact]
    public async Task A_query_run_again_reuses_its_statement_and_reads_with_the_new_values()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var db = await SeededAsync(database, "a", "b", "c");
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        var before = StatementReuse.PreparedOn(connection);
        Assert.Equal(["<a/>"], await XmlOfAsync(db, "a"));
        var prepared = StatementReuse.PreparedOn(connection);
        Assert.Equal(before + 1, prepared);
        Assert.Equal(["<b/>"], await XmlOfAsync(db, "b"));
        Assert.Empty(await XmlOfAsync(db, "none"));
        Assert.Equal(["<c/>"], await XmlOfAsync(db, "c"));

        Assert.Equal(prepared, StatementReuse.PreparedOn(connection));
        Assert.Equal(ConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task A_reused_statement_runs_inside_a_transaction_and_after_it()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var db = await SeededAsync(database, "a");
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.DataProtectionKeys.Add(Key("b"));
            await db.SaveChangesAsync();
            Assert.Equal(2, await db.DataProtectionKeys.CountAsync());
            await transaction.RollbackAsync();
        }

        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task The_same_query_runs_while_it_is_still_being_read()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var db = await SeededAsync(database, "a", "b");
        var outer = new List<string>();
        Assert.Equal(["a", "b"], await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.FriendlyName).Select(k => k.FriendlyName).ToListAsync());

        await foreach (var name in db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.FriendlyName).Select(k => k.FriendlyName).AsAsyncEnumerable())
        {
            outer.Add(name);
            Assert.Equal(["a", "b"], await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.FriendlyName).Select(k => k.FriendlyName).ToListAsync());
        }

        Assert.Equal(["a", "b"], outer);
        Assert.Equal(["a", "b"], await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.FriendlyName).Select(k => k.FriendlyName).ToListAsync());
    }

    [Fact]
    public async Task The_connection_stays_open_between_queries_and_closes_with_the_context()
    {
        await using var database = TestDatabase.CreateSqlite();
        DbConnection connection;
        await using (var db = await SeededAsync(database, "a"))
        {
            connection = db.Database.GetDbConnection();
            Assert.Equal(["<a/>"], await XmlOfAsync(db, "a"));
            Assert.Equal(ConnectionState.Open, connection.State);
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task The_home_pages_lists_carry_their_row_limit_in_the_sql()
    {
        // SQLite plans with the value of a LIMIT parameter and so compiles such a statement again after every binding.
        await using var database = TestDatabase.CreateSqlite();
        var commands = new CommandLog();
        await using (var migrate = SchemaReader.OpenDb(database))
        {
            await migrate.Database.MigrateAsync();
        }

        await using var db = SchemaReader.OpenDb(database, builder => builder.AddInterceptors(commands));
        var viewer = new Portal.Domain.Audiences.Viewer(Guid.NewGuid());
        var now = DateTime.UtcNow;
        await ReadingQueries.FeedAsync(db, viewer, now, [], null, 10, CancellationToken.None);
        await ReadingQueries.FeedAsync(db, viewer, now, [], null, 4, CancellationToken.None);
        await TodoQueries.ListAsync(db, viewer.PersonId, pending: true, 3, CancellationToken.None);
        await TodoQueries.ListAsync(db, viewer.PersonId, pending: false, 20, CancellationToken.None);

        Assert.Equal(4, commands.Sql.Count);
        Assert.All(commands.Sql, sql => Assert.DoesNotContain("LIMIT @", sql, StringComparison.Ordinal));
        Assert.Equal(["LIMIT 11", "LIMIT 5", "LIMIT 3", "LIMIT 20"], commands.Sql.Select(sql => sql[sql.LastIndexOf("LIMIT ", StringComparison.Ordinal)..].Trim()));
    }

    private static async Task<PortalDb> SeededAsync(TestDatabase database, params string[] names)
    {
        var db = SchemaReader.OpenDb(database);
        await db.Database.MigrateAsync();
        db.DataProtectionKeys.AddRange(names.Select(Key));
        await db.SaveChangesAsync();
        return db;
    }

    private static DataProtectionKey Key(string name) => new() { FriendlyName = name, Xml = $"<{name}/>", CreatedAt = DateTime.UtcNow };

    private static Task<List<string>> XmlOfAsync(PortalDb db, string name) =>
        db.DataProtectionKeys.AsNoTracking().Where(k => k.FriendlyName == name).Select(k => k.Xml).ToListAsync();

    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Sql { get; } = [];

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Sql.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
