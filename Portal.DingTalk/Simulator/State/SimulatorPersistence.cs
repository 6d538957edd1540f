using System.Diagnostics;
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

    // A large organisation takes a while to write; waiting a few times that long between writes keeps
    // saving to a small share of the machine while a burst of messages goes on.
    private const int QuietFactor = 4;

    private readonly SimulatorState state;
    private readonly IOptionsMonitor<DingTalkOptions> dingTalk;
    private readonly string path;
    private readonly ILogger<SimulatorPersistence> logger;
    private readonly Lock writing = new();
    private long savedVersion;
    private long lastSaveTicks;
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
            var quiet = TimeSpan.FromTicks(Interlocked.Read(ref lastSaveTicks) * QuietFactor);
            _ = Task.Delay(quiet > Debounce ? quiet : Debounce).ContinueWith(_ => Save(stopAfterwards: false), TaskScheduler.Default);
        }
    }

    /// <summary>Synchronous under its own lock (not the state's): a stop must not interleave with a pending write.</summary>
    private void Save(bool stopAfterwards)
    {
        lock (writing)
        {
            Interlocked.Exchange(ref scheduled, 0);
            try
            {
                if (!stopped && state.Version != savedVersion)
                {
                    var started = Stopwatch.GetTimestamp();
                    var (json, version) = state.Serialize();
                    SimulatorFile.WriteAtomically(path, json);
                    savedVersion = version;
                    Interlocked.Exchange(ref lastSaveTicks, Stopwatch.GetElapsedTime(started).Ticks);
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
