using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Data;
using Portal.Domain.DingTalkEvents;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal on Kestrel at a free loopback port, on its own database. In Simulator mode its typed
/// DingTalk client, resolved from <see cref="Services"/>, talks to its own <c>/_dingtalk</c> over real HTTP.
/// </summary>
public sealed class KestrelPortal : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly PortalAppFactory factory;
    private readonly WebApplicationFactory<Program> app;

    private KestrelPortal(TestDatabase database, PortalAppFactory factory, WebApplicationFactory<Program> app, int port)
    {
        this.database = database;
        this.factory = factory;
        this.app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
    }

    /// <summary>Like <c>http://127.0.0.1:54321</c>.</summary>
    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The portal's clock, unless the test handed it another one.</summary>
    public ManualTimeProvider Time => factory.Time;

    /// <param name="clock">A clock to run the whole portal on instead of <see cref="Time"/>.</param>
    /// <param name="environment">The hosting environment (Development unless a test needs another).</param>
    public static async Task<KestrelPortal> StartAsync(
        IDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite, TimeProvider? clock = null, string environment = "Development")
    {
        var database = await TestDatabase.CreateAsync(provider);
        var port = PortalAppFactory.FreePort();
        var factory = new PortalAppFactory(database, settings) { Environment = environment };
        WebApplicationFactory<Program> app = factory;
        if (clock is not null)
        {
            app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            }));
        }

        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        app.StartServer();
        return new KestrelPortal(database, factory, app, port);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task SetFaultsAsync(object faults) => PostJsonAsync("_dingtalk/_control/faults", faults);

    /// <summary>Calls the simulator answered for one endpoint, as its control API counts them (e.g. <c>oapi GET /gettoken</c>).</summary>
    public async Task<(long Calls, long Errors)> StatsAsync(string endpoint)
    {
        var stats = await GetJsonAsync("_dingtalk/_control/stats");
        var entry = stats.GetProperty("endpoints").EnumerateArray().FirstOrDefault(e => e.GetProperty("endpoint").GetString() == endpoint);
        return entry.ValueKind == JsonValueKind.Undefined ? (0, 0) : (entry.GetProperty("calls").GetInt64(), entry.GetProperty("errors").GetInt64());
    }

    /// <summary>What the portal's inbox holds, oldest first.</summary>
    public async Task<List<ReceivedDingTalkEvent>> InboxAsync()
    {
        await using var db = await Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.ReceivedDingTalkEvents.AsNoTracking().OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).ToListAsync();
    }

    /// <summary>Polls (in real time, bounded) until <paramref name="read"/> answers something <paramref name="done"/> accepts.</summary>
    /// <param name="within">How long to wait; 20 seconds unless the awaited work is known to take longer.</param>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; last seen: {value}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.DisposeAsync();
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }
}
