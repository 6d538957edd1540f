namespace Portal.Tests.Infrastructure;

/// <summary>A test class with one portal on its own SQLite database, started on first use.</summary>
public abstract class PortalTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;

    protected PortalAppFactory App { get; private set; } = default!;

    /// <summary>Configuration keys the portal starts with, beyond the database.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual Task InitializeAsync()
    {
        Database = TestDatabase.CreateSqlite();
        App = new PortalAppFactory(Database, Settings);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
