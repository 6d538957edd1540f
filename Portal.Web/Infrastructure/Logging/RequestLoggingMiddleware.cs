using System.Diagnostics;
using System.Security.Claims;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// One line per request: method, path (never the query, which may carry codes or tokens), status,
/// elapsed milliseconds and the signed-in user's id. The simulator's calls, which the portal makes to
/// itself by the hundred during an import, log under <see cref="SimulatorCategory"/> so that
/// <c>Logging:LogLevel</c> can quiet them apart from the requests people make.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> portalLogger, ILoggerFactory loggers)
{
    public const string SimulatorCategory = "Portal.DingTalk.Simulator.Requests";

    private readonly ILogger simulatorLogger = loggers.CreateLogger(SimulatorCategory);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            Write(context, failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Write(HttpContext context, int status, TimeSpan elapsed)
    {
        var level = status >= 500 ? LogLevel.Error : LoggingSetup.LevelFor(context.Request.Path);
        var logger = context.Request.Path.StartsWithSegments(LoggingSetup.SimulatorPath) ? simulatorLogger : portalLogger;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        logger.Log(
            level,
            "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms (user {UserId})",
            context.Request.Method,
            context.Request.Path.Value,
            status,
            elapsed.TotalMilliseconds,
            context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-");
    }
}

public static class RequestLoggingSetup
{
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestLoggingMiddleware>();
}
