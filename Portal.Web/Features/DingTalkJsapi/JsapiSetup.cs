using Microsoft.Extensions.Options;
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
        services.AddRateLimiter(limiter => limiter.AddPerMinute(
            RatePolicy, RateLimits.ClientAddress, provider => provider.GetRequiredService<IOptionsMonitor<JsapiOptions>>().CurrentValue.RequestsPerMinute));
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
