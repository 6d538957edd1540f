using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Json;

namespace Portal.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    private const string ReadableTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog behind Microsoft.Extensions.Logging: levels stay in <c>Logging:LogLevel</c>, Serilog only
    /// formats, redacts and writes. Readable console in Development, JSON elsewhere, optional file.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration.GetSection(LogFileOptions.SectionName).Get<LogFileOptions>() ?? new LogFileOptions();
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .Enrich.With<SensitiveDataRedactor>();

        configuration = builder.Environment.IsDevelopment()
            ? configuration.WriteTo.Console(outputTemplate: ReadableTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            : configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));

        if (!string.IsNullOrWhiteSpace(file.Path))
        {
            configuration = configuration.WriteTo.Async(sink => sink.File(
                new JsonFormatter(renderMessage: true),
                file.Path,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: file.RetainedFileCount));
        }

        builder.Logging.ClearProviders();
        // AddSerilog would add a Trace-level filter for its provider and override Logging:LogLevel.
        builder.Logging.AddProvider(new SerilogLoggerProvider(configuration.CreateLogger(), dispose: true));
        return builder;
    }

    internal static LogEventLevel LevelFor(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/healthz")
            ? LogEventLevel.Debug
            : LogEventLevel.Information;
}
