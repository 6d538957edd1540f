using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>Theory data for tests that must hold on both supported databases.</summary>
public static class DatabaseProviders
{
    public static TheoryData<DatabaseProvider> Both => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
}
