using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.DingTalk.Simulator.State;

/// <summary>
/// Loads the simulator's state when the portal starts in Simulator mode, writes it shortly after
/// changes, and once more when the portal stops.
/// </summary>
internal sealed class SimulatorPersistence : IHostedService
{
    // Real time, not the simulated clock: this only paces disk writes after a burst of changes.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly SimulatorState state;
    private readonly IOptionsMonitor<DingTalkOptions> dingTalk;
    private readonly string path;
    private readonly ILogger<SimulatorPersistence> logger;
    private readonly Lock writing = new();
    private long savedVersion;
    private int scheduled;
    private bool stopped;

    public SimulatorPersistence(SimulatorState state, IOptions<SimulatorOptions> options, IOptionsMonitor<DingTalkOptions> dingTalk, ILogger<SimulatorPersistence> logger)
    {
        this.state = state;
        this.dingTalk = dingTalk;
        this.logger = logger;
        path = options.Value.DataFile();
        state.Changed += Schedule;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (dingTalk.CurrentValue.Mode == DingTalkMode.Simulator)
        {
            state.EnsureLoaded();
            Schedule();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Save(stopAfterwards: true);
        return Task.CompletedTask;
    }

    private void Schedule()
    {
        if (Interlocked.Exchange(ref scheduled, 1) == 0)
        {
            _ = Task.Delay(Debounce).ContinueWith(_ => Save(stopAfterwards: false), TaskScheduler.Default);
        }
    }

    /// <summary>Synchronous under one lock: the file is small, and a stop must not interleave with a pending write.</summary>
    private void Save(bool stopAfterwards)
    {
        lock (writing)
        {
            Interlocked.Exchange(ref scheduled, 0);
            try
            {
                if (!stopped && state.Version != savedVersion)
                {
                    var (json, version) = state.Serialize();
                    SimulatorFile.WriteAtomically(path, json);
                    savedVersion = version;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                logger.LogError(exception, "DingTalk simulator state could not be written to {Path}", path);
            }
            finally
            {
                stopped |= stopAfterwards;
            }
        }
    }
}
