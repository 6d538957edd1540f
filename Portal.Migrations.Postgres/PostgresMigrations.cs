using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Domain.Data;

namespace Portal.Migrations.Postgres;

/// <summary>The portal's migrations on PostgreSQL, and the context `dotnet ef` builds to make them.</summary>
public sealed class PostgresMigrations : IDesignTimeDbContextFactory<PortalDb>
{
    public static Assembly Assembly => typeof(PostgresMigrations).Assembly;

    // Adding a migration or checking for model changes never opens the connection.
    public PortalDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDb>()
            .UseNpgsql("Host=localhost;Database=portal_design_time", npgsql => npgsql.MigrationsAssembly(Assembly))
            .Options);
}
