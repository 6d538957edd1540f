using System.Net;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>A test class with one portal of its own on real HTTP (see <see cref="KestrelPortal"/>).</summary>
public abstract class PortalTest : IAsyncLifetime
{
    protected KestrelPortal Portal { get; private set; } = default!;

    /// <summary>Configuration keys the portal starts with, beyond the database.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The database the portal runs on.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public virtual async Task InitializeAsync() => Portal = await KestrelPortal.StartAsync(Settings, Provider);

    public virtual async Task DisposeAsync() => await Portal.DisposeAsync();

    /// <summary>A cookie-keeping client, like one browser; redirects are not followed unless asked.</summary>
    protected HttpClient Browser(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = new CookieContainer() }) { BaseAddress = Portal.Http.BaseAddress };

    protected async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = Browser(followRedirects: true);
        await TestSignIn.AsDemoPersonAsync(browser);
        return browser;
    }
}
