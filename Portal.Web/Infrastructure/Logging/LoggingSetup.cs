using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using Serilog;

namespace Portal.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog as the logging pipeline: levels and sinks from the <c>Serilog</c> configuration section,
    /// the optional file from <c>Logging:File</c>. What the portal relies on, the log context and the
    /// redactor, is added here rather than in configuration, so no configuration can leave them out.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();

        // Built from the final configuration (not the builder's snapshot), so every source, test hosts
        // included, decides about levels and sinks. The static Log.Logger is left alone: several hosts
        // share a process in the tests, and nothing in the portal logs through it.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteToOptionalFile(services.GetRequiredService<IOptions<LogFileOptions>>().Value)
                .Enrich.With<SensitiveDataRedactor>(),
            preserveStaticLogger: true);
        builder.Services.AddScoped<CircuitHandler, CircuitLogContext>();
        builder.Services.AddHostedService<StartupMessage>();
        return builder;
    }

    private static LoggerConfiguration WriteToOptionalFile(this LoggerConfiguration logger, LogFileOptions file) =>
        string.IsNullOrWhiteSpace(file.Path)
            ? logger
            : logger.WriteTo.Async(sink => sink.File(
                LogFormats.Json,
                file.Path,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: file.RetainedFileCount));
}
