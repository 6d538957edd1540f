namespace Portal.Web.Infrastructure.Logging;

/// <summary>Configuration section <c>Logging:File</c>: an optional JSON log file, rolled daily.</summary>
public sealed class LogFileOptions
{
    public const string SectionName = "Logging:File";

    /// <summary>File path; empty means no file sink.</summary>
    public string Path { get; set; } = "";

    public int RetainedFileCount { get; set; } = 14;
}
