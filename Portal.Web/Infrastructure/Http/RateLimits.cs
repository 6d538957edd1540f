using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Infrastructure.Http;

/// <summary>
/// The portal's rate limits: fixed one-minute windows per partition (a client address or an
/// integration client), answered with one 429 problem. The client address is the connection's, or the
/// one a configured proxy forwarded (see <see cref="ForwardedHeadersSetup"/>); a header alone never counts.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter => limiter.OnRejected = (rejected, _) => new ValueTask(TooMany(rejected.HttpContext).ExecuteAsync(rejected.HttpContext)));

    /// <param name="permits">Read when a partition's first request arrives, so configuration added later (a test host's) counts.</param>
    public static void AddPerMinute(this RateLimiterOptions limiter, string policy, Func<HttpContext, string> partition, Func<IServiceProvider, int> permits) =>
        limiter.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(
            partition(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits(context.RequestServices), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static IResult TooMany(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "60";
        return Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests; try again in a minute");
    }
}
