using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk.Client.Contacts;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.DingTalk.Simulator;
using Portal.Web.Features.People.Import;

namespace Portal.Tests.People;

/// <summary>The full import against the simulator's demo organisation, over real HTTP.</summary>
public sealed class OrgImportTests : SimulatorTest
{
    // The test clock stands still; pacing and QPS limits measured on it would never let a second pass.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DingTalk:Simulator:EnforceLimits"] = "false",
        ["DingTalk:Client:DefaultQps"] = "0",
        ["Import:RunInBackground"] = "false",
    };

    [Fact]
    public async Task The_whole_organisation_arrives_with_its_tree_memberships_and_leaders()
    {
        var run = await ImportAsync();

        var expected = await Host.PeopleAsync();
        await using var db = OpenDb();
        Assert.Equal(ImportStatus.Succeeded, run.Status);
        Assert.Equal(expected.Count, run.PeopleApplied);
        var people = await db.People.AsNoTracking().Include(p => p.Departments).ToDictionaryAsync(p => p.UserId);
        Assert.Equal(expected.Count, people.Count);
        foreach (var person in expected)
        {
            var imported = people[person.UserId];
            Assert.Equal(person.Name, imported.Name);
            Assert.Equal(person.UnionId, imported.UnionId);
            Assert.Equal(person.Mobile, imported.Mobile);
            Assert.Equal(person.Active, imported.Active);
            Assert.Equal(person.DeptIdList.Order(), imported.Departments.Select(d => d.DepartmentId).Order());
        }

        Assert.Contains(people.Values, p => p.Departments.Count > 1);
        Assert.Contains(people.Values, p => p.Departments.Any(d => d.IsLeader));
        var depth = await db.DepartmentClosures.MaxAsync(c => c.Distance);
        Assert.True(depth >= 3, $"tree depth {depth + 1} levels");
        Assert.Equal(await db.Departments.CountAsync(), await db.DepartmentClosures.CountAsync(c => c.Distance == 0));
        Assert.Equal(run.DepartmentsFound, await db.Departments.CountAsync());
    }

    [Fact]
    public async Task Importing_again_changes_nothing_and_duplicates_nothing()
    {
        await ImportAsync();
        await using var before = OpenDb();
        var ids = await before.People.AsNoTracking().OrderBy(p => p.UserId).Select(p => new { p.UserId, p.Id }).ToListAsync();
        var memberships = await before.PersonDepartments.CountAsync();

        var again = await ImportAsync();

        await using var after = OpenDb();
        Assert.Equal(ImportStatus.Succeeded, again.Status);
        Assert.Equal(ids, await after.People.AsNoTracking().OrderBy(p => p.UserId).Select(p => new { p.UserId, p.Id }).ToListAsync());
        Assert.Equal(memberships, await after.PersonDepartments.CountAsync());
        Assert.Equal(0, again.Deactivated);
        Assert.Equal(0, await after.ImportStagedPeople.CountAsync());
    }

    [Fact]
    public async Task Someone_who_left_is_deactivated_and_keeps_no_memberships()
    {
        await ImportAsync();
        var leaver = (await Host.PeopleAsync()).First(p => p.Active);
        await Host.Services.GetRequiredService<UserClient>().DeleteAsync(leaver.UserId, CancellationToken.None);

        var run = await ImportAsync();

        await using var db = OpenDb();
        var person = await db.People.AsNoTracking().Include(p => p.Departments).SingleAsync(p => p.UserId == leaver.UserId);
        Assert.False(person.Active);
        Assert.Empty(person.Departments);
        Assert.Equal(1, run.Deactivated);
    }

    [Fact]
    public async Task An_interrupted_run_resumes_without_fetching_again_what_it_had()
    {
        var import = Host.Services.CreateScope().ServiceProvider.GetRequiredService<OrgImport>();
        var run = await import.RequestAsync("admin", CancellationToken.None);
        using (var interrupt = new CancellationTokenSource())
        {
            // Stop the run once the people phase has started, as a crash or a restart would.
            var watcher = WatchAsync(run.Id, r => r.Phase == ImportPhase.People && r.DepartmentsListed >= 3, interrupt);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import.RunAsync(run.Id, interrupt.Token));
            await watcher;
        }

        Assert.False(await import.RunAsync(run.Id, CancellationToken.None), "the lease of the interrupted run still holds");
        Host.Time.Advance(OrgImport.Lease + TimeSpan.FromSeconds(1));
        var listSubBefore = await CallsAsync("department/listsub");

        Assert.True(await import.RunAsync(run.Id, CancellationToken.None));

        await using var db = OpenDb();
        var finished = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
        Assert.Equal(ImportStatus.Succeeded, finished.Status);
        Assert.Equal((await Host.PeopleAsync()).Count, finished.PeopleApplied);
        Assert.Equal(listSubBefore, await CallsAsync("department/listsub"));
    }

    private async Task<ImportRun> ImportAsync()
    {
        using var scope = Host.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<OrgImport>();
        var run = await import.RequestAsync("admin", CancellationToken.None);
        Assert.True(await import.RunAsync(run.Id, CancellationToken.None));
        await using var db = OpenDb();
        return await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
    }

    // Stops watching once the run has ended, so a run that finishes before the condition holds fails the
    // test (no exception from RunAsync) instead of leaving this loop spinning.
    private async Task WatchAsync(Guid runId, Func<ImportRun, bool> condition, CancellationTokenSource interrupt)
    {
        while (!interrupt.IsCancellationRequested)
        {
            await using var db = OpenDb();
            var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            if (condition(run))
            {
                await interrupt.CancelAsync();
                return;
            }

            if (run.Status is ImportStatus.Succeeded or ImportStatus.Failed)
            {
                return;
            }

            await Task.Yield();
        }
    }

    private async Task<long> CallsAsync(string endpointPart)
    {
        var stats = await Host.GetJsonAsync("_dingtalk/_control/stats");
        return stats.GetProperty("endpoints").EnumerateArray()
            .Where(e => e.GetProperty("endpoint").GetString()!.Contains(endpointPart, StringComparison.Ordinal))
            .Sum(e => e.GetProperty("calls").GetInt64());
    }

    private PortalDb OpenDb() => Host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();
}
