using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Integration;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>The demo client "demo-oa" exists in Development with the simulator, with the configured key, and nowhere else.</summary>
public sealed class DemoClientTests
{
    private const string DemoKey = "ptl_demo_for_this_test_1234567890";
    private const string Setting = "Integration:DemoClient:Key";

    [Fact]
    public async Task In_Development_with_the_simulator_demo_oa_has_every_scope_and_the_configured_key()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { [Setting] = DemoKey });

        var client = await DemoAsync(portal.Services);

        Assert.NotNull(client);
        Assert.Equal(IntegrationClient.Hash(DemoKey), client.KeyHash);
        Assert.All(IntegrationClient.AllScopes, scope => Assert.True(client.Has(scope), scope));
        Assert.Equal("published", (await PostAsync(portal.Http, DemoKey, News())).ItemStatus);
    }

    [Fact]
    public async Task A_changed_key_replaces_the_hash_at_the_next_start_and_the_old_key_stops_working()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var first = new PortalAppFactory(database, new Dictionary<string, string?> { [Setting] = DemoKey }))
        {
            first.CreateClient().Dispose();
        }

        await using var second = new PortalAppFactory(database, new Dictionary<string, string?> { [Setting] = DemoKey + "-rotated" });
        using var http = second.CreateClient();

        Assert.Equal(IntegrationClient.Hash(DemoKey + "-rotated"), (await DemoAsync(second.Services))!.KeyHash);
        Assert.Equal(401, (await PostAsync(http, DemoKey, News())).Status);
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(1, await db.IntegrationClients.CountAsync(c => c.Name == DemoClientOptions.ClientName));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "integration.client.key-replaced"));
    }

    [Fact]
    public async Task Without_a_configured_key_there_is_no_demo_client()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { [Setting] = "" });

        Assert.Null(await DemoAsync(portal.Services));
    }

    [Fact]
    public async Task In_Development_with_live_DingTalk_there_is_no_demo_client()
    {
        await using var portal = await KestrelPortal.StartAsync(LiveMode.Settings(new Dictionary<string, string?> { [Setting] = DemoKey }));

        Assert.Null(await DemoAsync(portal.Services));
        Assert.Equal(401, (await PostAsync(portal.Http, DemoKey, News())).Status);
    }

    [Fact]
    public async Task In_Production_there_is_no_demo_client()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, LiveMode.Settings(new Dictionary<string, string?> { [Setting] = DemoKey })) { Environment = "Production" };
        using var http = app.CreateClient();

        Assert.Null(await DemoAsync(app.Services));
        Assert.Equal(401, (await PostAsync(http, DemoKey, News())).Status);
    }

    [Fact]
    public async Task Outside_Development_there_is_no_demo_client_even_with_the_simulator()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?> { [Setting] = DemoKey, ["DingTalk:Mode"] = "Simulator" }) { Environment = "Staging" };
        using var http = app.CreateClient();

        Assert.Null(await DemoAsync(app.Services));
        Assert.Equal(401, (await PostAsync(http, DemoKey, News())).Status);
    }

    [Fact]
    public async Task A_demo_key_too_short_to_be_a_key_stops_the_start_with_its_name()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var app = new PortalAppFactory(database, new Dictionary<string, string?> { [Setting] = "short" });

        var error = Record.Exception(() => app.CreateClient());

        Assert.Contains(Setting, Errors.Flatten(error!), StringComparison.Ordinal);
    }

    private static async Task<IntegrationClient?> DemoAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.IntegrationClients.AsNoTracking().SingleOrDefaultAsync(c => c.Name == DemoClientOptions.ClientName);
    }
}
