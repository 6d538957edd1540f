using System.Globalization;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// The two shapes a log line takes, named from configuration as
/// <c>"formatter": "Portal.Web.Infrastructure.Logging.LogFormats::Json, Portal.Web"</c>: an environment's
/// file then changes one value instead of merging a second set of sink arguments into the first.
/// </summary>
public static class LogFormats
{
    private const string ReadableTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>One JSON object per line, with the rendered message beside the template and its properties.</summary>
    public static ITextFormatter Json { get; } = new JsonFormatter(renderMessage: true);

    /// <summary>For a person at a terminal (Development).</summary>
    public static ITextFormatter Readable { get; } = new MessageTemplateTextFormatter(ReadableTemplate, CultureInfo.InvariantCulture);
}
