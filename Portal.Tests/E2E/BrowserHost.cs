using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>The portal on real Kestrel (a loopback port) plus a browser context in one profile.</summary>
public sealed class BrowserHost : IAsyncDisposable
{
    private BrowserHost(TestDatabase database, int port)
    {
        Database = database;
        Port = port;
    }

    public TestDatabase Database { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public PortalAppFactory App { get; private set; } = default!;

    private IDictionary<string, string?>? settings;

    public static async Task<BrowserHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var host = new BrowserHost(TestDatabase.CreateSqlite(), PortalAppFactory.FreePort()) { settings = settings };
        await host.StartAppAsync();
        return host;
    }

    /// <summary>Starts the portal (again) on the same port and database, as a restarted server would.</summary>
    public Task StartAppAsync()
    {
        App = new PortalAppFactory(Database, settings).WithKestrel(Port);
        App.StartServer();
        return Task.CompletedTask;
    }

    public async Task StopAppAsync() => await App.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Signs the context in as a demo person, then opens the page and waits until it is interactive.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        await TestSignIn.AsDemoPersonAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await PageConsole.WaitForInteractiveAsync(page);
        return page;
    }
}
