using System.Net;

namespace Portal.Tests.Infrastructure;

/// <summary>A test class with one portal on its own SQLite database, served over real HTTP on a loopback port.</summary>
public abstract class PortalTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;

    protected PortalAppFactory App { get; private set; } = default!;

    protected Uri BaseAddress { get; private set; } = default!;

    /// <summary>Configuration keys the portal starts with, beyond the database.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual Task InitializeAsync()
    {
        Database = TestDatabase.CreateSqlite();
        var port = PortalAppFactory.FreePort();
        App = new PortalAppFactory(Database, Settings).WithKestrel(port);
        App.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A cookie-keeping client, like one browser; redirects are not followed unless asked.</summary>
    protected HttpClient Browser(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

    protected async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = Browser(followRedirects: true);
        await TestSignIn.AsDemoPersonAsync(browser);
        return browser;
    }
}
