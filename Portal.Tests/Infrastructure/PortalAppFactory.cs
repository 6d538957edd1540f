using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal in-process, on its own database. Settings are real configuration keys, so a test
/// configures the portal exactly as an operator would.
/// </summary>
public sealed class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string SimulatorDataFolderKey = "DingTalk:Simulator:DataFolder";

    private readonly Dictionary<string, string?> settings;
    private readonly string? ownSimulatorFolder;

    /// <param name="clock">The portal's clock; a <see cref="FakeNowRealTimers"/> unless the test drives the timers too.</param>
    public PortalAppFactory(TestDatabase database, IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
    {
        Time = clock ?? new FakeNowRealTimers();
        this.settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Portal"] = database.ConnectionString,

            // Tests decide themselves when an import runs; a background one would race them.
            ["Import:WhenDirectoryEmpty"] = "false",
            ["Content:Demo:WhenEmpty"] = "false",
            ["Roles:Demo:WhenEmpty"] = "false",
            ["Integration:DemoClient:Todos"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }

        // The DingTalk simulator persists its organisation; each portal gets its own unless a test shares one on purpose.
        if (!this.settings.ContainsKey(SimulatorDataFolderKey))
        {
            ownSimulatorFolder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"));
            this.settings[SimulatorDataFolderKey] = ownSimulatorFolder;
        }
    }

    public FakeTimeProvider Time { get; }

    public string Environment { get; init; } = "Development";

    /// <summary>Serve over real HTTP on the given loopback port (for the browser tests).</summary>
    public PortalAppFactory WithKestrel(int port)
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        return this;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownSimulatorFolder is not null && Directory.Exists(ownSimulatorFolder))
        {
            try
            {
                Directory.Delete(ownSimulatorFolder, recursive: true);
            }
            catch (IOException)
            {
                // A write racing the shutdown; the temp folder is cleaned by the OS.
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}
