using System.Diagnostics;
using System.Text;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The portal as its own operating-system process, for tests that must kill and restart the server
/// the way a crash or a deployment does (an in-process host keeps open sockets alive).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process, int port)
    {
        this.process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<PortalProcess> StartAsync(int port, TestDatabase database, IDictionary<string, string>? settings = null)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Path.Combine(directory, "Portal.Web"))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Portal"] = database.ConnectionString;
        start.Environment["Import__WhenDirectoryEmpty"] = "false";
        start.Environment["Content__Demo__WhenEmpty"] = "false";
        start.Environment["Roles__Demo__WhenEmpty"] = "false";
        start.Environment["Integration__DemoClient__Todos"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start Portal.Web");
        var portal = new PortalProcess(process, port);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await portal.WaitUntilReadyAsync(port);
        return portal;
    }

    /// <summary>Ends the process at once, as a crash would: no graceful shutdown, sockets reset.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("Portal.Web exited during start:\n" + Output);
            }

            try
            {
                var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Portal.Web did not become ready within 60 s:\n" + Output);
    }
}
