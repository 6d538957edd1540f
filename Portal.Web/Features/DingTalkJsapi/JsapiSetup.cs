using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.DingTalkJsapi;

public static class JsapiSetup
{
    private const string RatePolicy = "jsapi-config";

    public static IServiceCollection AddDingTalkJsapi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JsapiOptions>().BindConfiguration(JsapiOptions.SectionName)
            .Validate(o => o.RequestsPerMinute > 0, "DingTalk:Jsapi:RequestsPerMinute must be positive.")
            .ValidateOnStart();
        var perMinute = configuration.GetValue(JsapiOptions.SectionName + ":" + nameof(JsapiOptions.RequestsPerMinute), new JsapiOptions().RequestsPerMinute);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
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
