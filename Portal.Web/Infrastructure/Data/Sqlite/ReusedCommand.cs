using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Portal.Web.Infrastructure.Data.Sqlite;

/// <summary>
/// The command EF Core gets on SQLite: it runs on a prepared command for its SQL, borrowed from the
/// connection's <see cref="PreparedCommands"/> when the SQL is set and given back when disposed.
/// </summary>
internal sealed class ReusedCommand(SqliteConnection connection, PreparedCommands prepared) : DbCommand
{
    private SqliteCommand? inner;
    private int generation;
    private SqliteDataReader? reader;
    private string sql = string.Empty;

    [AllowNull]
    public override string CommandText
    {
        get => sql;
        set
        {
            value ??= string.Empty;
            if (inner is not null && value == sql)
            {
                return;
            }

            var parameters = inner is null ? [] : inner.Parameters.Cast<SqliteParameter>().ToArray();
            GiveBack();
            sql = value;
            inner = Borrow();
            inner.Parameters.AddRange(parameters);
        }
    }

    public override int CommandTimeout { get; set; } = connection.DefaultTimeout;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException("SQLite runs text commands only.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value != connection)
            {
                throw new InvalidOperationException("A reused command stays on the connection it was made for.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    private SqliteCommand Inner => inner ??= Borrow();

    public override void Cancel()
    {
    }

    public override void Prepare() => Ready().Prepare();

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

    public override object? ExecuteScalar() => Ready().ExecuteScalar();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => reader = Ready().ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            GiveBack();
        }

        base.Dispose(disposing);
    }

    private SqliteCommand Borrow()
    {
        generation = prepared.Generation;
        return prepared.Rent(sql);
    }

    private SqliteCommand Ready()
    {
        var command = Inner;
        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        return command;
    }

    private void GiveBack()
    {
        if (inner is null)
        {
            return;
        }

        // A reader still open holds the statements mid-step; that command cannot serve anyone else.
        if (reader is { IsClosed: false })
        {
            inner.Dispose();
        }
        else
        {
            prepared.Return(sql, inner, generation);
        }

        inner = null;
        reader = null;
    }
}
