using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Reading.Demo;
using Portal.Web.Features.People.Import;

namespace Portal.Tests.Content.Reading;

/// <summary>The demo content a development start publishes once the demo organisation is imported.</summary>
public sealed class DemoContentTests : PortalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // The test clock stands still; the import's paced calls would wait on it forever.
        ["DingTalk:Simulator:EnforceLimits"] = "false",
        ["DingTalk:Client:DefaultQps"] = "0",
    };

    [Fact]
    public async Task Tests_start_without_demo_content_and_the_seeder_publishes_it_once_after_the_import()
    {
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoContentSeeder>();
            Assert.Equal(0, await seeder.SeedAsync(CancellationToken.None));

            // The portal's import worker picks the run up.
            var run = await scope.ServiceProvider.GetRequiredService<OrgImport>().RequestAsync("test", CancellationToken.None);
            await KestrelPortal.EventuallyAsync(
                async () =>
                {
                    await using var db = await Portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
                    return await db.ImportRuns.Where(r => r.Id == run.Id).Select(r => r.Status).SingleAsync();
                },
                status => status is ImportStatus.Succeeded or ImportStatus.Failed,
                "the import");

            Assert.Equal(DemoArticles.All.Length, await seeder.SeedAsync(CancellationToken.None));
            Assert.Equal(0, await seeder.SeedAsync(CancellationToken.None));
        }

        await using var db = await Portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var articles = await db.Articles.AsNoTracking().ToListAsync();
        Assert.All(articles, a => Assert.Equal(ContentStatus.Published, a.Status));
        Assert.All(articles, a => Assert.False(a.Notify));
        Assert.All(articles, a => Assert.NotEqual(a.AuthorId, a.ReviewedById));
        Assert.Single(articles, a => a.Pinned);
        var acknowledge = Assert.Single(articles, a => a.RequiresAcknowledgement);
        var rule = Assert.Single(await db.AudienceRules.AsNoTracking().Where(r => r.AudienceId == acknowledge.AudienceId).ToListAsync());
        Assert.Equal("研发中心", await db.Departments.Where(d => d.Id == rule.DepartmentId).Select(d => d.Name).SingleAsync());
        Assert.True(rule.IncludeSubdepartments);
        Assert.False(await db.OutboxMessages.AnyAsync());
    }
}
