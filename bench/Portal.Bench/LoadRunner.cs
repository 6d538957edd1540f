using System.Diagnostics;
using System.Globalization;

namespace Portal.Bench;

/// <summary>Drives GET requests at a page over real HTTP: as fast as it answers, or at a fixed rate.</summary>
internal static class LoadRunner
{
    public sealed record Result(string Name, double RequestsPerSecond, double P50Ms, double P95Ms, int Requests, int Failures, List<double>? Samples = null)
    {
        public string Format() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Name,-44} {RequestsPerSecond,8:0.0} req/s   p50 {P50Ms,7:0.0} ms   p95 {P95Ms,7:0.0} ms   ({Requests} requests, {Failures} failed)");
    }

    /// <summary>
    /// Closed loop over several pages in turns (<paramref name="rounds"/> short slices each), so a change
    /// in the machine's load during the run touches every page alike instead of whichever ran then.
    /// </summary>
    public static async Task<Result[]> InTurnsAsync(HttpClient client, (string Name, string Path)[] pages, int concurrency, TimeSpan duration, int rounds)
    {
        var slice = duration / rounds;
        var parts = pages.Select(_ => new List<Result>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < pages.Length; i++)
            {
                parts[i].Add(await MaxThroughputAsync(pages[i].Name, client, pages[i].Path, concurrency, slice, keepSamples: true));
            }
        }

        return [.. parts.Select((results, i) =>
        {
            var samples = results.SelectMany(r => r.Samples!).ToList();
            return Summarise(pages[i].Name, samples, results.Sum(r => r.Failures), samples.Count / (slice.TotalSeconds * rounds));
        })];
    }

    /// <summary>Closed loop: <paramref name="concurrency"/> clients each send the next request when the last one answers.</summary>
    public static async Task<Result> MaxThroughputAsync(string name, HttpClient client, string path, int concurrency, TimeSpan duration, bool keepSamples = false)
    {
        var samples = new List<double>();
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        async Task Worker()
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var (ms, ok) = await TimedGetAsync(client, path);
                lock (samples)
                {
                    samples.Add(ms);
                    failures += ok ? 0 : 1;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var result = Summarise(name, samples, failures, samples.Count / elapsed);
        return keepSamples ? result with { Samples = samples } : result;
    }

    /// <summary>
    /// Open loop: requests start on a fixed schedule whether or not earlier ones answered, and each is
    /// timed from when it was due, so a stall shows in the latency instead of slowing the schedule.
    /// </summary>
    public static async Task<Result> FixedRateAsync(string name, HttpClient client, string path, int perSecond, TimeSpan duration)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var samples = new double[total];
        var failed = new bool[total];
        var started = Stopwatch.GetTimestamp();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = started + (long)(i * Stopwatch.Frequency / (double)perSecond);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            requests.Add(Task.Run(async () =>
            {
                var ok = await GetAsync(client, path);
                samples[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                failed[index] = !ok;
            }));
        }

        await Task.WhenAll(requests);
        return Summarise(name, [.. samples], failed.Count(f => f), total / duration.TotalSeconds);
    }

    private static async Task<(double Ms, bool Ok)> TimedGetAsync(HttpClient client, string path)
    {
        var started = Stopwatch.GetTimestamp();
        var ok = await GetAsync(client, path);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
    }

    private static async Task<bool> GetAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            // The client's timeout: the server fell too far behind.
            return false;
        }
    }

    private static Result Summarise(string name, List<double> samples, int failures, double rate)
    {
        samples.Sort();
        double Percentile(double p) => samples.Count == 0 ? double.NaN : samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * p) - 1)];
        return new Result(name, rate, Percentile(0.50), Percentile(0.95), samples.Count, failures);
    }
}
