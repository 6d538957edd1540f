using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Data;

/// <summary>
/// Each provider's migrations, applied to a real database, must produce exactly the schema the model
/// describes, on both providers; this also catches a migration edited by hand, which EF's snapshot
/// check cannot see. The model's schema is what EnsureCreated builds; both are read back from the catalog.
/// </summary>
public sealed class MigrationSchemaTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Migrations_produce_the_schema_of_the_model(DatabaseProvider provider)
    {
        var (migrated, modelled) = await BuildBothAsync(provider, configureModel: null);

        Assert.NotEmpty(migrated);
        Assert.True(migrated.SequenceEqual(modelled), Diff(migrated, modelled));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_model_change_without_a_migration_is_detected(DatabaseProvider provider)
    {
        var (migrated, modelled) = await BuildBothAsync(
            provider,
            options => options.ReplaceService<IModelCustomizer, DriftingModelCustomizer>());

        Assert.False(migrated.SequenceEqual(modelled));
        Assert.Contains(modelled, line => line.Contains("UnmigratedColumn", StringComparison.Ordinal));
        Assert.Contains(modelled, line => line.Contains("IX_DataProtectionKeys_CreatedAt", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Migrations_apply_once_and_leave_nothing_pending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using (var db = database.OpenDb())
        {
            await db.Database.MigrateAsync();
        }

        await using (var again = database.OpenDb())
        {
            await again.Database.MigrateAsync();
            Assert.Empty(await again.Database.GetPendingMigrationsAsync());
            Assert.Equal(again.Database.GetMigrations(), await again.Database.GetAppliedMigrationsAsync());
        }
    }

    private static async Task<(IReadOnlyList<string> Migrated, IReadOnlyList<string> Modelled)> BuildBothAsync(
        DatabaseProvider provider, Action<DbContextOptionsBuilder<PortalDb>>? configureModel)
    {
        await using var fromMigrations = await TestDatabase.CreateEmptyAsync(provider);
        await using var fromModel = await TestDatabase.CreateEmptyAsync(provider);

        await using var migratedDb = fromMigrations.OpenDb();
        await migratedDb.Database.MigrateAsync();
        var migrated = await SchemaReader.ReadAsync(migratedDb);

        await using var modelledDb = fromModel.OpenDb(configureModel);
        await modelledDb.Database.EnsureCreatedAsync();
        var modelled = await SchemaReader.ReadAsync(modelledDb);
        return (migrated, modelled);
    }

    private static string Diff(IReadOnlyList<string> migrated, IReadOnlyList<string> modelled) =>
        "Migrations and model differ; write a migration for the model change.\n" +
        string.Join('\n', migrated.Except(modelled).Select(l => "  only in migrations: " + l)) + "\n" +
        string.Join('\n', modelled.Except(migrated).Select(l => "  only in model:      " + l));

    private sealed class DriftingModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<DataProtectionKey>().Property<string>("UnmigratedColumn").HasMaxLength(20);
            modelBuilder.Entity<DataProtectionKey>().HasIndex(k => k.CreatedAt);
        }
    }
}
