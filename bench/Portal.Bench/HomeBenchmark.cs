using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Reading;

namespace Portal.Bench;

/// <summary>
/// The signed-in, prerendered home page (GET /) over 10,000 targeted items and 100,000 people, side by
/// side with a bare page that runs one trivial query, in the same run and host: throughput and p95 as
/// fast as each answers, then p95 at a fixed rate.
/// </summary>
internal static class HomeBenchmark
{
    public static async Task RunAsync(int people, int departments, int items, int rate, int seconds, int concurrency)
    {
        Console.WriteLine($"home: {items:N0} items, {people:N0} people in {departments:N0} departments (SQLite), {Environment.ProcessorCount} cores");
        var folder = Path.Combine(Path.GetTempPath(), $"portal-home-bench-{Guid.NewGuid():n}");
        Directory.CreateDirectory(folder);
        try
        {
            await using var host = new HomeBenchHost(Path.Combine(folder, "portal.db"), FreePort());
            host.StartServer();
            var reader = await SeedAsync(host, people, departments, items);
            var cookies = new CookieContainer();
            cookies.Add(await host.SessionCookieAsync(reader));
            using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(host.BaseUrl),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await CheckAsync(client);
            await QueryBreakdownAsync(host, reader);

            var duration = TimeSpan.FromSeconds(seconds);
            var warmup = TimeSpan.FromSeconds(Math.Max(2, seconds / 3));
            foreach (var path in new[] { "/", HomeBenchHost.BarePath, HomeBenchHost.BareDocumentPath })
            {
                await LoadRunner.MaxThroughputAsync("warm-up", client, path, concurrency, warmup);
            }

            var turns = await LoadRunner.InTurnsAsync(
                client,
                [
                    ($"bare document (no shell), {concurrency} clients", HomeBenchHost.BareDocumentPath),
                    ($"bare page, {concurrency} clients", HomeBenchHost.BarePath),
                    ($"home page, {concurrency} clients", "/"),
                ],
                concurrency,
                duration,
                rounds: 5);
            var (document, bare, home) = (Print(turns[0]), Print(turns[1]), Print(turns[2]));
            Print(await LoadRunner.FixedRateAsync($"bare page at {rate} req/s", client, HomeBenchHost.BarePath, rate, duration));
            var homeAtRate = Print(await LoadRunner.FixedRateAsync($"home page at {rate} req/s", client, "/", rate, duration));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"home throughput {home.RequestsPerSecond / document.RequestsPerSecond:0.00}x the bare document's (no shell)"));

            var ratio = home.RequestsPerSecond / bare.RequestsPerSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"home throughput {ratio:0.00}x the bare page's (target >= 0.5): {(ratio >= 0.5 ? "met" : "NOT met")}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"home p95 at {rate} req/s {homeAtRate.P95Ms:0.0} ms (target <= 50 ms): {(homeAtRate.P95Ms <= 50 ? "met" : "NOT met")}"));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the stopping host; the temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task<Guid> SeedAsync(HomeBenchHost host, int people, int departments, int items)
    {
        var seeding = Stopwatch.StartNew();
        var factory = host.Services.GetRequiredService<IDbContextFactory<PortalDb>>();
        var now = DateTime.UtcNow;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await SyntheticOrg.SeedAsync(db, people, departments);
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            await HomeBenchData.SeedItemsAsync(db, items, departments, now);
        }

        await using var last = await factory.CreateDbContextAsync();
        var reader = await HomeBenchData.ReaderAsync(last, now);
        await last.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
        return reader;
    }

    private static LoadRunner.Result Print(LoadRunner.Result result)
    {
        Console.WriteLine(result.Format());
        return result;
    }

    /// <summary>What the home page's own queries cost, without HTTP or rendering.</summary>
    private static async Task QueryBreakdownAsync(HomeBenchHost host, Guid reader)
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<PortalDb>>();
        var live = host.Services.GetRequiredService<LiveItems>();
        await using var db = await factory.CreateDbContextAsync();
        var viewer = (await ViewerQuery.ForPersonAsync(db, reader, CancellationToken.None))!;
        var now = DateTime.UtcNow;
        var results = new[]
        {
            await Measure.RunAsync("viewer (an active person)", () => ViewerQuery.ForPersonAsync(db, reader, CancellationToken.None), runs: 100),
            await Measure.RunAsync("the person's audiences and the live items", () => PersonFeed.OpenAsync(live, db, viewer, now, CancellationToken.None), runs: 100),
            await Measure.RunAsync("opened, notices wanting attention, first page", async () => await (await PersonFeed.OpenAsync(live, db, viewer, now, CancellationToken.None)).FirstAsync(10, CancellationToken.None), runs: 100),
            await Measure.RunAsync("unread count (tab bar)", () => ReadingQueries.UnreadCountAsync(db, viewer, now, CancellationToken.None), runs: 100),
        };
        foreach (var result in results)
        {
            Console.WriteLine(result.Format(null));
        }
    }

    private static async Task CheckAsync(HttpClient client)
    {
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var bare = await client.GetStringAsync(new Uri(HomeBenchHost.BarePath, UriKind.Relative));
        if (!home.Contains("data-testid=\"feed-item\"", StringComparison.Ordinal) || !bare.Contains("class=\"tab-bar\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the signed-in home page shows no feed, or the bare page has no shell: the benchmark would measure the wrong thing");
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
