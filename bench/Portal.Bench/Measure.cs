using System.Diagnostics;
using System.Globalization;

namespace Portal.Bench;

/// <summary>Times an operation: warm-up, then the median and p95 of repeated runs.</summary>
internal static class Measure
{
    public sealed record Result(string Name, double MedianMs, double P95Ms, int Runs)
    {
        public string Format(Result? baseline) => string.Create(
            CultureInfo.InvariantCulture,
            $"{Name,-48} median {MedianMs,8:0.00} ms   p95 {P95Ms,8:0.00} ms{(baseline is null ? "" : $"   {MedianMs / baseline.MedianMs,6:0.0}x baseline")}");
    }

    public static async Task<Result> RunAsync(string name, Func<Task> operation, int runs = 30, int warmup = 3)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        samples.Sort();
        return new Result(name, samples[samples.Count / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1], runs);
    }
}
