using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Data;
using Portal.Domain.DingTalkEvents;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal on Kestrel at a free loopback port, on its own migrated database: the one way tests start
/// a portal in-process. In Simulator mode its typed DingTalk client, resolved from <see cref="Services"/>,
/// talks to its own <c>/_dingtalk</c> over real HTTP.
/// </summary>
public sealed class KestrelPortal : IAsyncDisposable
{
    private readonly TestDatabase? ownDatabase;
    private readonly PortalAppFactory app;

    private KestrelPortal(TestDatabase? ownDatabase, PortalAppFactory app, int port)
    {
        this.ownDatabase = ownDatabase;
        this.app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
    }

    /// <summary>Like <c>http://127.0.0.1:54321</c>.</summary>
    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The clock the whole portal runs on.</summary>
    public FakeTimeProvider Time => app.Time;

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <param name="clock">
    /// The portal's clock: by default a <see cref="FakeNowRealTimers"/>; a plain <see cref="FakeTimeProvider"/>
    /// when the test steps the portal's timers (scheduler waits, pacing) itself.
    /// </param>
    /// <param name="environment">The hosting environment (Development unless a test needs another).</param>
    /// <param name="database">A database the test keeps (to restart on it, or share it); a new migrated one when null.</param>
    public static async Task<KestrelPortal> StartAsync(
        IDictionary<string, string?>? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        FakeTimeProvider? clock = null,
        string environment = "Development",
        TestDatabase? database = null)
    {
        var ownDatabase = database is null ? await TestDatabase.CreateMigratedAsync(provider) : null;
        var port = PortalAppFactory.FreePort();
        var app = new PortalAppFactory(database ?? ownDatabase!, settings, clock) { Environment = environment }.WithKestrel(port);
        app.StartServer();
        return new KestrelPortal(ownDatabase, app, port);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A context of the portal's own factory; the caller disposes it.</summary>
    public PortalDb Db() => Get<IDbContextFactory<PortalDb>>().CreateDbContext();

    /// <summary>Runs a scoped use case (publish, remind, save) in a scope of its own, as a request would.</summary>
    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> action)
        where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task RunAsync<T>(Func<T, Task> action)
        where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task<Guid> PersonIdAsync(string userId)
    {
        await using var db = Db();
        return await db.People.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
    }

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
        await using var db = Db();
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
        if (ownDatabase is not null)
        {
            await ownDatabase.DisposeAsync();
        }
    }
}
