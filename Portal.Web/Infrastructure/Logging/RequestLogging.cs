using System.Diagnostics;
using Portal.Web.Features.SignIn;
using Serilog;
using Serilog.Events;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// One line per request from Serilog's request logging: method, path (never the query, which may carry
/// codes or tokens), status, elapsed milliseconds, the signed-in person's id and the trace id.
/// </summary>
public static class RequestLogging
{
    public const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (user {UserId})";

    /// <summary>Where the DingTalk simulator answers (<c>/_dingtalk/…</c>).</summary>
    private static readonly PathString SimulatorPath = "/_dingtalk";

    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = MessageTemplate;
            options.GetLevel = LevelFor;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("UserId", context.User.PersonId()?.ToString() ?? "-");
                diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
            };
        });

    /// <summary>
    /// Static files, the circuit's transport, liveness probes and the simulator's calls, which the portal
    /// makes to itself by the hundred during an import, would drown the requests people make.
    /// </summary>
    internal static LogEventLevel LevelFor(HttpContext context, double elapsedMs, Exception? exception)
    {
        if (exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        var path = context.Request.Path;
        return path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor")
            || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/healthz")
            || path.StartsWithSegments(SimulatorPath)
                ? LogEventLevel.Debug
                : LogEventLevel.Information;
    }
}
