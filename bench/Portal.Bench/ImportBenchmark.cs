using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk.Client.Contacts;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Migrations.Postgres;
using Portal.Migrations.Sqlite;
using Portal.Web.Features.People.Import;
using Portal.Web.Features.Roles;

namespace Portal.Bench;

/// <summary>
/// The database phase of a full import (staged snapshot → directory) for a large organisation, first
/// import and re-import, plus how many DingTalk calls the fetch phase makes and how long they take at a QPS.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task RunAsync(int people, int departments, int qps, string? postgres)
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-import-{Guid.NewGuid():n}.db");
        await RunOnAsync("SQLite", o => o.UseSqlite($"Data Source={path}", s => s.MigrationsAssembly(SqliteMigrations.Assembly)), people, departments, qps);
        File.Delete(path);
        if (!string.IsNullOrEmpty(postgres))
        {
            var database = "portal_import_" + Guid.NewGuid().ToString("n")[..8];
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database };
            await RunOnAsync("PostgreSQL", o => o.UseNpgsql(builder.ConnectionString, n => n.MigrationsAssembly(PostgresMigrations.Assembly)), people, departments, qps);
            await using var admin = new Npgsql.NpgsqlConnection(postgres);
            await admin.OpenAsync();
#pragma warning disable CA2100 // The statement names a database this benchmark generated itself.
            await using var drop = new Npgsql.NpgsqlCommand("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", admin);
#pragma warning restore CA2100
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task RunOnAsync(string label, Action<DbContextOptionsBuilder> configure, int people, int departments, int qps)
    {
        Console.WriteLine($"import: {people:N0} people in {departments:N0} departments ({label})");
        var services = new ServiceCollection()
            .AddDbContextFactory<PortalDb>(configure)
            .AddSingleton(TimeProvider.System)
            .AddScoped<ApplyOrgImport>();
        services.AddOptions<RolesOptions>();
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IDbContextFactory<PortalDb>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await Portal.Domain.Audiences.RoleMembership.EnsureBuiltInRolesAsync(db, CancellationToken.None);
        }

        var (tree, members) = Organisation(people, departments);
        foreach (var round in new[] { "first import (inserts)", "re-import (updates)" })
        {
            var runId = await StageAsync(factory, tree, members);
            await using var scope = provider.CreateAsyncScope();
            var apply = scope.ServiceProvider.GetRequiredService<ApplyOrgImport>();
            var timer = Stopwatch.StartNew();
            await apply.ExecuteAsync(runId, CancellationToken.None);
            Console.WriteLine($"database phase, {round,-24} {timer.Elapsed.TotalSeconds,6:0.00} s");
        }

        var calls = 1 + tree.Count + tree.Keys.Sum(id => Math.Max(1, (members.Count(m => m.DeptIds.Contains(id)) + 99) / 100));
        Console.WriteLine($"fetch phase: {calls:N0} DingTalk calls (1 root, {tree.Count:N0} listsub, user/list pages) = {calls / (double)qps / 60:0.0} min at {qps} QPS");
    }

    private static (Dictionary<long, long?> Tree, List<DingTalkUser> Members) Organisation(int people, int departments)
    {
        var random = new Random(42);
        var tree = new Dictionary<long, long?> { [DepartmentClient.RootDeptId] = null };
        var depth = new Dictionary<long, int> { [DepartmentClient.RootDeptId] = 0 };
        var ids = new List<long> { DepartmentClient.RootDeptId };
        for (long id = 2; id <= departments; id++)
        {
            long parent;
            do
            {
                parent = ids[random.Next(ids.Count)];
            }
            while (depth[parent] >= 4);
            tree[id] = parent;
            depth[id] = depth[parent] + 1;
            ids.Add(id);
        }

        var members = Enumerable.Range(0, people).Select(i =>
        {
            var first = ids[random.Next(ids.Count)];
            long[] deptIds = i % 10 == 0 ? [first, ids[random.Next(ids.Count)]] : [first];
            return new DingTalkUser($"user{i:D6}", $"员工{i}") { UnionId = $"union{i:D6}", Mobile = $"139{i:D8}", Title = "工程师", DeptIds = [.. deptIds.Distinct()], Active = true };
        }).ToList();
        return (tree, members);
    }

    private static async Task<Guid> StageAsync(IDbContextFactory<PortalDb> factory, Dictionary<long, long?> tree, List<DingTalkUser> members)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var run = new ImportRun { RequestedAt = DateTime.UtcNow };
        db.ImportRuns.Add(run);
        db.ImportStagedDepartments.AddRange(tree.Select(d => new ImportStagedDepartment { RunId = run.Id, DepartmentId = d.Key, ParentId = d.Value, Name = $"部门{d.Key}", ChildrenListed = true, PeopleListed = true }));
        db.ImportStagedPeople.AddRange(members.Select(m => new ImportStagedPerson { RunId = run.Id, UserId = m.UserId, Profile = JsonSerializer.Serialize(m) }));
        await db.SaveChangesAsync();
        return run.Id;
    }
}
