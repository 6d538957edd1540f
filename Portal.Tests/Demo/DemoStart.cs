using Portal.Domain.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Demo;

/// <summary>
/// The portal as the README's run command starts it (Development, the simulator, the demo organisation
/// imported at start and the demo data added), as a process of its own on a test database.
/// </summary>
internal static class DemoStart
{
    /// <summary>An import paced as DingTalk allows takes a while on a busy machine.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(120);

    public static Dictionary<string, string> Settings(string simulatorFolder) => new()
    {
        ["Import:WhenDirectoryEmpty"] = "true",
        ["Content:Demo:WhenEmpty"] = "true",
        ["Roles:Demo:WhenEmpty"] = "true",
        ["Integration:DemoClient:Todos"] = "true",
        ["DingTalk:Simulator:DataFolder"] = simulatorFolder,
    };

    public static Task<string> WaitForOutputAsync(PortalProcess portal, string text) =>
        KestrelPortal.EventuallyAsync(() => Task.FromResult(portal.Output), output => output.Contains(text, StringComparison.Ordinal), $"\"{text}\" in the output", Within);

    /// <summary>Reads the process's database from the test.</summary>
    public static async Task<T> ReadAsync<T>(TestDatabase database, Func<PortalDb, Task<T>> read)
    {
        await using var db = database.OpenDb();
        return await read(db);
    }
}
