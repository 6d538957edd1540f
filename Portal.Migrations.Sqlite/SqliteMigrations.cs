using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Domain.Data;

namespace Portal.Migrations.Sqlite;

/// <summary>The portal's migrations on SQLite, and the context `dotnet ef` builds to make them.</summary>
public sealed class SqliteMigrations : IDesignTimeDbContextFactory<PortalDb>
{
    public static Assembly Assembly => typeof(SqliteMigrations).Assembly;

    // Adding a migration or checking for model changes never opens the connection.
    public PortalDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDb>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(Assembly))
            .Options);
}
