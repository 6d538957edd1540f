using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.DingTalk.Simulator;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.People.Import;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.People;

/// <summary>The import writes its first rows with PostgreSQL's COPY; EF must read them back as its own.</summary>
public sealed class OrgImportOnPostgresTests : SimulatorTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DingTalk:Simulator:EnforceLimits"] = "false",
        ["DingTalk:Client:DefaultQps"] = "0",
        ["Import:RunInBackground"] = "false",
    };

    [Fact]
    public async Task Bulk_written_people_and_memberships_read_back_through_EF()
    {
        using var scope = Host.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<OrgImport>();
        var run = await import.RequestAsync("admin", CancellationToken.None);
        Assert.True(await import.RunAsync(run.Id, CancellationToken.None));

        var expected = await Host.PeopleAsync();
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(ImportStatus.Succeeded, (await db.ImportRuns.SingleAsync()).Status);
        var person = expected.First(p => p.DeptIdList.Length > 1);
        var imported = await db.People.AsNoTracking().Include(p => p.Departments).SingleAsync(p => p.UserId == person.UserId);
        Assert.Equal(person.Mobile, imported.Mobile);
        Assert.Equal(DateTimeKind.Utc, imported.UpdatedAt.Kind);
        Assert.Equal(person.DeptIdList.Order(), imported.Departments.Select(d => d.DepartmentId).Order());
        Assert.Equal(expected.Count, await db.People.CountAsync());
    }
}
