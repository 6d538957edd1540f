namespace Portal.Web.Infrastructure.Http;

/// <summary>
/// Kestrel answers a request line or headers over its limits with a bare status and no body, before
/// any of the portal's code runs. Its limits are set above ours, so an oversized request reaches this
/// check and gets a problem response naming the limit instead.
/// </summary>
public static class RequestLimits
{
    public const int MaxTargetLength = 8 * 1024;
    public const int MaxHeadersLength = 32 * 1024;

    /// <summary>What Kestrel itself accepts; beyond this it still answers bare (the request is not HTTP a client meant).</summary>
    public const int ServerLimit = 64 * 1024;

    public static WebApplicationBuilder UsePortalKestrelLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = ServerLimit;
            kestrel.Limits.MaxRequestHeadersTotalSize = ServerLimit;
        });
        return builder;
    }

    public static IApplicationBuilder UsePortalRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.Value?.Length + request.QueryString.Value?.Length > MaxTargetLength)
        {
            await Problems.Create(StatusCodes.Status414RequestUriTooLong, "uri-too-long", "The address is too long", $"Addresses may be at most {MaxTargetLength} characters.")
                .ExecuteAsync(context);
            return;
        }

        if (request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0)) > MaxHeadersLength)
        {
            await Problems.Create(StatusCodes.Status431RequestHeaderFieldsTooLarge, "headers-too-large", "The request headers are too large", $"Headers may be at most {MaxHeadersLength} characters in all.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
