using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Tests.Data.OldChain;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Data;

/// <summary>
/// Databases of releases before the generated migrations were built by a hand-written chain. The
/// portal's migration step takes them over without touching a row, and refuses one that stopped part way.
/// </summary>
public sealed class EarlierReleaseUpgradeTests
{
    private const string OneBeforeLast = "20261207090000_DingTalkEventRetries";

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task The_old_chain_built_the_schema_of_the_generated_baseline(DatabaseProvider provider)
    {
        await using var old = await TestDatabase.CreateEmptyAsync(provider);
        await using var fresh = await TestDatabase.CreateEmptyAsync(provider);
        await EarlierReleaseDatabase.BuildAsync(old);
        await using var oldDb = old.OpenDb();
        await using var freshDb = fresh.OpenDb();
        await freshDb.Database.MigrateAsync(freshDb.Database.GetMigrations().First());

        var oldSchema = await SchemaReader.ReadAsync(oldDb);
        var baselineSchema = await SchemaReader.ReadAsync(freshDb);

        Assert.NotEmpty(oldSchema);
        Assert.Equal(oldSchema, baselineSchema);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_database_of_an_earlier_release_upgrades_with_every_row_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await EarlierReleaseDatabase.BuildAsync(database);
        await using var db = database.OpenDb();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await EarlierReleaseDatabase.InsertRowsAsync(connection, provider);
        var before = await EarlierReleaseDatabase.ReadAllRowsAsync(connection, provider);

        await DataSetup.MigrateAsync(db);

        Assert.Equal(EarlierReleaseRows.All.Count, before.Count);
        Assert.Equal(before, await EarlierReleaseDatabase.ReadAllRowsAsync(connection, provider));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(HandWrittenMigrations.Last, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(await ModelSchemaAsync(provider), await SchemaReader.ReadAsync(db));
        await AssertTheModelReadsTheRowsAsync(database);

        // The next start finds the baseline recorded and leaves the database alone.
        await using var again = database.OpenDb();
        await DataSetup.MigrateAsync(again);
        await again.Database.OpenConnectionAsync();
        Assert.Equal(before, await EarlierReleaseDatabase.ReadAllRowsAsync(again.Database.GetDbConnection(), provider));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_new_database_migrates_from_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var db = database.OpenDb();

        await DataSetup.MigrateAsync(db);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(await ModelSchemaAsync(provider), await SchemaReader.ReadAsync(db));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_database_that_stopped_part_way_through_the_old_chain_is_refused_untouched(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await EarlierReleaseDatabase.BuildAsync(database, stopAfter: OneBeforeLast);
        await using var db = database.OpenDb();
        var schema = await SchemaReader.ReadAsync(db);
        var history = (await db.Database.GetAppliedMigrationsAsync()).ToList();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => DataSetup.MigrateAsync(db));

        Assert.Contains(OneBeforeLast, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(HandWrittenMigrations.Last, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("previous release", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(18, history.Count);
        Assert.Equal(history, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(schema, await SchemaReader.ReadAsync(db));
    }

    private static async Task<IReadOnlyList<string>> ModelSchemaAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var db = database.OpenDb();
        await db.Database.EnsureCreatedAsync();
        return await SchemaReader.ReadAsync(db);
    }

    private static async Task AssertTheModelReadsTheRowsAsync(TestDatabase database)
    {
        await using var db = database.OpenDb();
        var person = await db.People.AsNoTracking().Include(p => p.Departments).SingleAsync();
        Assert.Equal(("张三", "|主管|财务|", 42L), (person.Name, person.DingTalkRoles, person.Departments.Single().DepartmentId));
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == EarlierReleaseRows.ArticleId);
        Assert.Equal(("年终放假通知", false), (article.Title, article.Notify));
        var todo = await db.Todos.AsNoTracking().Include(t => t.Assignees).SingleAsync();
        Assert.Equal((EarlierReleaseRows.TodoId, EarlierReleaseRows.PersonId), (todo.Id, todo.Assignees.Single().PersonId));
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal((EarlierReleaseRows.OutboxMessageId, 3, DateTimeKind.Utc), (message.Id, message.Attempts, message.CreatedAt.Kind));
    }
}
