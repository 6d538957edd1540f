using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.DingTalkJsapi;

public static class JsapiSetup
{
    private const string RatePolicy = "jsapi-config";

    public static IServiceCollection AddDingTalkJsapi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JsapiOptions>().Bind(configuration.GetSection(JsapiOptions.SectionName))
            .Validate(o => o.RequestsPerMinute > 0, "DingTalk:Jsapi:RequestsPerMinute must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            // The limit is read from the options when a client's first request arrives, not while services
            // are registered: configuration sources added later (a test host's, for one) count too.
            limiter.AddPolicy(RatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptionsMonitor<JsapiOptions>>().CurrentValue.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests; try again in a minute")
                    .ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapDingTalkJsapi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/dingtalk/jsapi-config", JsapiConfigEndpoint.HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RatePolicy)
            .WithName("DingTalkJsapiConfig");
        return endpoints;
    }
}
