using Microsoft.EntityFrameworkCore;
using Portal.Tests.Demo;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Foundation;

/// <summary>What the console shows someone who just ran the README's command.</summary>
public sealed class StartupConsoleTests : IDisposable
{
    // The host's own lines, the simulator's organisation, where to go, the demo data and its notifications.
    private const int MostLines = 40;

    private readonly TempFolder simulatorFolder = new();

    public void Dispose() => simulatorFolder.Dispose();

    [Fact]
    public async Task After_a_demo_start_the_console_says_where_to_go_and_not_each_call_to_the_simulator()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var port = PortalAppFactory.FreePort();
        await using var portal = await PortalProcess.StartAsync(port, database, DemoStart.Settings(simulatorFolder.Path));

        // The import's hundreds of calls to the simulator are done once the demo items are published.
        await KestrelPortal.EventuallyAsync(() => DemoStart.ReadAsync(database, db => db.Articles.CountAsync()), count => count > 0, "the demo content", DemoStart.Within);

        var lines = portal.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var where = Assert.Single(lines, l => l.Contains($"http://127.0.0.1:{port}/simulator/phone", StringComparison.Ordinal));
        Assert.Contains($"http://127.0.0.1:{port} ", where, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("/_dingtalk/", StringComparison.Ordinal));
        Assert.True(lines.Length < MostLines, $"{lines.Length} lines after start:\n{portal.Output}");
    }
}
