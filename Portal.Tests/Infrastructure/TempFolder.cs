namespace Portal.Tests.Infrastructure;

/// <summary>A folder of the test's own under the temp directory, gone with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"))).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
