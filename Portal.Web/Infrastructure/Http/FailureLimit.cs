using System.Threading.RateLimiting;

namespace Portal.Web.Infrastructure.Http;

/// <summary>
/// Counts failures (a bogus sign-in code, a wrong integration key) per client address in one-minute
/// windows; past the limit that address is refused before any work is done, so guessing costs the
/// portal and DingTalk nothing and people signing in from elsewhere are not slowed down.
/// </summary>
public abstract class FailureLimit(Func<int> perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute(),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool IsBlocked(string address) => failures.GetStatistics(address)?.CurrentAvailablePermits <= 0;

    public void Record(string address)
    {
        using var lease = failures.AttemptAcquire(address);
    }

    public void Dispose()
    {
        failures.Dispose();
        GC.SuppressFinalize(this);
    }
}
