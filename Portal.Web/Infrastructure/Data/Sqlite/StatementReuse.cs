using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Web.Infrastructure.Data.Sqlite;

/// <summary>
/// Keeps SQLite's prepared statements between queries on the same open connection. SQLite compiles
/// a statement again for every new command, and EF Core makes a new command for every query: for the
/// home page's visibility queries compiling cost more than running them. Each command EF Core asks for
/// is a <see cref="ReusedCommand"/>, which runs on a command already prepared for the same SQL.
/// </summary>
internal sealed class StatementReuse : DbCommandInterceptor
{
    public static readonly StatementReuse Instance = new();

    private static readonly ConditionalWeakTable<SqliteConnection, PreparedCommands> Caches = [];

    private StatementReuse()
    {
    }

    /// <summary>How many commands this connection has prepared: each distinct SQL once while it stays open.</summary>
    public static int PreparedOn(SqliteConnection connection) => Caches.TryGetValue(connection, out var cache) ? cache.Prepared : 0;

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new ReusedCommand(connection, Caches.GetValue(connection, c => new PreparedCommands(c))))
            : result;
}

/// <summary>
/// One connection's prepared commands by SQL, the most recently used kept. Dropped when the connection
/// closes, which finalizes their statements; a command rented before that is not taken back, since the
/// connection no longer tracks it.
/// </summary>
internal sealed class PreparedCommands
{
    // Distinct SQL texts kept per connection; the portal's hot queries are a few dozen.
    private const int Capacity = 64;

    private readonly SqliteConnection connection;
    private readonly Dictionary<string, LinkedListNode<(string Sql, SqliteCommand Command)>> bySql = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Sql, SqliteCommand Command)> recent = new();

    public PreparedCommands(SqliteConnection connection)
    {
        this.connection = connection;
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState != ConnectionState.Open)
            {
                Clear();
            }
        };
    }

    /// <summary>Counts the closes; a command is taken back only in the generation it was rented in.</summary>
    public int Generation { get; private set; }

    public int Prepared { get; private set; }

    /// <summary>A command for this SQL, prepared when it was used before; only one user holds it at a time.</summary>
    public SqliteCommand Rent(string sql)
    {
        if (bySql.Remove(sql, out var node))
        {
            recent.Remove(node);
            return node.Value.Command;
        }

        Prepared++;
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Return(string sql, SqliteCommand command, int generation)
    {
        command.Parameters.Clear();
        if (generation != Generation || connection.State != ConnectionState.Open || bySql.ContainsKey(sql))
        {
            command.Dispose();
            return;
        }

        bySql[sql] = recent.AddFirst((sql, command));
        if (recent.Count > Capacity)
        {
            var oldest = recent.Last!;
            recent.RemoveLast();
            bySql.Remove(oldest.Value.Sql);
            oldest.Value.Command.Dispose();
        }
    }

    private void Clear()
    {
        Generation++;
        foreach (var (_, command) in recent)
        {
            command.Dispose();
        }

        recent.Clear();
        bySql.Clear();
    }
}
