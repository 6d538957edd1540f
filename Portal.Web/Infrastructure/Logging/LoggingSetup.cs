using Serilog;
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
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Logging.ClearProviders();

        // Built from the final configuration (not the builder's snapshot), so every source, test
        // hosts included, decides about the file sink. AddSerilog is avoided on purpose: it adds a
        // Trace-level filter for its provider that would override Logging:LogLevel.
        builder.Services.AddSingleton<ILoggerProvider>(provider =>
            new SerilogLoggerProvider(CreateLogger(provider.GetRequiredService<IConfiguration>(), isDevelopment), dispose: true));
        builder.Services.AddHostedService<StartupMessage>();
        return builder;
    }

    private static Serilog.Core.Logger CreateLogger(IConfiguration configuration, bool isDevelopment)
    {
        var file = configuration.GetSection(LogFileOptions.SectionName).Get<LogFileOptions>() ?? new LogFileOptions();
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .Enrich.With<SensitiveDataRedactor>();

        logger = isDevelopment
            ? logger.WriteTo.Console(outputTemplate: ReadableTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            : logger.WriteTo.Console(new JsonFormatter(renderMessage: true));

        if (!string.IsNullOrWhiteSpace(file.Path))
        {
            logger = logger.WriteTo.Async(sink => sink.File(
                new JsonFormatter(renderMessage: true),
                file.Path,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: file.RetainedFileCount));
        }

        return logger.CreateLogger();
    }

    /// <summary>Where the DingTalk simulator answers (<c>/_dingtalk/…</c>).</summary>
    internal static readonly PathString SimulatorPath = "/_dingtalk";

    /// <summary>Static files, the circuit's transport and liveness probes would drown the request log.</summary>
    internal static LogLevel LevelFor(PathString path) =>
        path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/_blazor")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/healthz")
            ? LogLevel.Debug
            : LogLevel.Information;
}
