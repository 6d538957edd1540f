using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
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
        await using var database = await TestDatabase.CreateMigratedAsync();
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
        await using var database = await TestDatabase.CreateMigratedAsync();
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
        await using var database = await TestDatabase.CreateMigratedAsync();
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
    public async Task The_connection_stays_open_between_queries_keeps_temporaries_in_memory_and_closes_with_the_context()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        DbConnection connection;
        await using (var db = await SeededAsync(database, "a"))
        {
            connection = db.Database.GetDbConnection();
            Assert.Equal(["<a/>"], await XmlOfAsync(db, "a"));
            Assert.Equal(ConnectionState.Open, connection.State);
            Assert.Equal([2], await db.Database.SqlQueryRaw<int>("SELECT temp_store AS \"Value\" FROM pragma_temp_store").ToListAsync());
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    private static async Task<PortalDb> SeededAsync(TestDatabase database, params string[] names)
    {
        var db = database.OpenDb();
        db.DataProtectionKeys.AddRange(names.Select(Key));
        await db.SaveChangesAsync();
        return db;
    }

    private static DataProtectionKey Key(string name) => new() { FriendlyName = name, Xml = $"<{name}/>", CreatedAt = DateTime.UtcNow };

    private static Task<List<string>> XmlOfAsync(PortalDb db, string name) =>
        db.DataProtectionKeys.AsNoTracking().Where(k => k.FriendlyName == name).Select(k => k.Xml).ToListAsync();
}
