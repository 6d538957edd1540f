using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;

namespace Portal.Tests.Data;

/// <summary>
/// The to-do lists (one on every home page) carry their row limit in the SQL: SQLite plans with the value of a
/// LIMIT parameter, and so compiles such a statement again after every binding.
/// </summary>
public sealed class RowLimitTests
{
    [Fact]
    public async Task The_to_do_lists_carry_their_row_limit_in_the_sql()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var commands = new CommandLog();
        await using var db = database.OpenDb(builder => builder.AddInterceptors(commands));
        var personId = Guid.NewGuid();
        await TodoQueries.ListAsync(db, personId, pending: true, 3, CancellationToken.None);
        await TodoQueries.ListAsync(db, personId, pending: false, 20, CancellationToken.None);

        // Each list reads the source systems' to-dos and the review to-dos, each with its own limit.
        Assert.Equal(4, commands.Sql.Count);
        Assert.All(commands.Sql, sql => Assert.DoesNotContain("LIMIT @", sql, StringComparison.Ordinal));
        Assert.Equal(["LIMIT 3", "LIMIT 3", "LIMIT 20", "LIMIT 20"], commands.Sql.Select(sql => sql[sql.LastIndexOf("LIMIT ", StringComparison.Ordinal)..].Trim()));
    }

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
