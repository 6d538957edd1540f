using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Web.Infrastructure.Data.Sqlite;

/// <summary>
/// A context's SQLite connection stays open from its first query until the context itself is thrown
/// away (pooled contexts keep theirs between uses). Closing after every query, as EF Core does, made
/// SQLite forget every prepared statement and the connection re-register EF Core's functions each
/// time; <see cref="StatementReuse"/> depends on the connection staying open. Opening also keeps
/// SQLite's temporary tables in memory: the visibility rule's small per-statement sets and sorts went
/// through a temporary file's pager otherwise (the feed statement ran a fifth faster without it).
/// </summary>
#pragma warning disable EF1001 // SqliteRelationalConnection is the provider's own connection; only closing changes.
internal sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
#pragma warning restore EF1001
{
    protected override void OpenDbConnection(bool errorsExpected)
    {
        base.OpenDbConnection(errorsExpected);
        KeepTemporariesInMemory();
    }

    protected override async Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        await base.OpenDbConnectionAsync(errorsExpected, cancellationToken);
        KeepTemporariesInMemory();
    }

    // Disposing the context still closes the connection: DisposeDbConnection disposes it.
    protected override void CloseDbConnection()
    {
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;

    private void KeepTemporariesInMemory()
    {
        using var command = DbConnection.CreateCommand();
        command.CommandText = "PRAGMA temp_store = MEMORY;";
        command.ExecuteNonQuery();
    }
}
