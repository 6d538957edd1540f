namespace Portal.DingTalk.Stream;

/// <summary>Exponential reconnect delay with jitter; reset once a connection is established.</summary>
internal sealed class ReconnectBackoff(StreamClientOptions options, Func<double> random)
{
    private int failures;

    public ReconnectBackoff(StreamClientOptions options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    public void Reset() => failures = 0;

    /// <summary>The delay before the next attempt: initial × 2^failures, capped, plus jitter.</summary>
    public TimeSpan Next()
    {
        // Past 2^30 the cap has long been reached; stopping there keeps the multiplication finite.
        var exponent = Math.Min(failures, 30);
        failures++;
        var ticks = Math.Min(options.InitialReconnectDelay.Ticks * Math.Pow(2, exponent), options.MaxReconnectDelay.Ticks);
        var jitter = options.ReconnectJitter.Ticks * random();
        return TimeSpan.FromTicks((long)(ticks + jitter));
    }
}
