using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Bench;

/// <summary>The whole portal on Kestrel at a loopback port, in Simulator mode, on the real clock.</summary>
/// <remarks>
/// The factory only needs a type from the portal's assembly to find its entry point; the portal's own
/// <c>Program</c> is hidden here by this project's top-level one.
/// </remarks>
internal sealed class BenchPortal : WebApplicationFactory<Portal.Web.Features.Outbox.OutboxRelay>
{
    private readonly Dictionary<string, string?> settings;

    private BenchPortal(Dictionary<string, string?> settings, int port)
    {
        this.settings = settings;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Http { get; }

    /// <summary>
    /// A portal on the given database with the simulator's state in <paramref name="simulatorFolder"/>, and
    /// every background worker off, so a benchmark drives the work it measures itself.
    /// </summary>
    public static Dictionary<string, string?> DrivenSettings(Portal.Web.Infrastructure.Data.DatabaseProvider provider, string connectionString, string simulatorFolder) => new()
    {
        ["Database:Provider"] = provider.ToString(),
        ["ConnectionStrings:Portal"] = connectionString,
        ["DingTalk:Simulator:DataFolder"] = simulatorFolder,
        ["DingTalk:Simulator:CallbackUrl"] = "",
        ["Import:WhenDirectoryEmpty"] = "false",
        ["Import:RunInBackground"] = "false",
        ["Content:Scheduler:Enabled"] = "false",
        ["Outbox:RunInBackground"] = "false",
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    public static BenchPortal Start(Dictionary<string, string?> settings)
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var portal = new BenchPortal(settings, port);
        portal.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        portal.StartServer();
        return portal;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Calls and error answers the simulator counted for one endpoint.</summary>
    public async Task<(long Calls, long Errors)> StatsAsync(string endpoint)
    {
        var stats = await Http.GetFromJsonAsync<JsonElement>(new Uri("_dingtalk/_control/stats", UriKind.Relative));
        var entry = stats.GetProperty("endpoints").EnumerateArray().FirstOrDefault(e => e.GetProperty("endpoint").GetString() == endpoint);
        return entry.ValueKind == JsonValueKind.Undefined ? (0, 0) : (entry.GetProperty("calls").GetInt64(), entry.GetProperty("errors").GetInt64());
    }

    public override async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
    }
}
