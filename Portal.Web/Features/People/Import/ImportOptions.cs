namespace Portal.Web.Features.People.Import;

/// <summary>Configuration section <c>Import</c>.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Run queued imports in this instance's background worker (off: another instance or a caller runs them).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Queue a full import when the directory is empty at start (the demo organisation, in development).</summary>
    public bool WhenDirectoryEmpty { get; set; }
}
