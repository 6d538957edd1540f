using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.State;

/// <summary>
/// Everything the simulator persists, as one JSON document. Per-user inboxes (work notifications,
/// to-dos, DINGs) belong here as further properties keyed by userId, so they are loaded, saved and
/// reset together with the organisation.
/// </summary>
internal sealed class SimulatorSnapshot
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public int Seed { get; set; }

    public OrganisationData Organisation { get; set; } = new();
}

/// <summary>
/// The simulator's persisted world behind one lock. The organisation is loaded (or generated) on
/// first use; every write bumps <see cref="Version"/> and raises <see cref="Changed"/> for persistence.
/// </summary>
internal sealed class SimulatorState(IOptions<SimulatorOptions> options, ILogger<SimulatorState> logger)
{
    private readonly Lock gate = new();
    private Organisation? organisation;
    private int seed;
    private long version;

    public event Action? Changed;

    public long Version => Interlocked.Read(ref version);

    public void EnsureLoaded()
    {
        lock (gate)
        {
            _ = Loaded();
        }
    }

    public T Read<T>(Func<Organisation, T> query)
    {
        lock (gate)
        {
            return query(Loaded());
        }
    }

    /// <summary>Runs a change; a <see cref="Http.SimulatedError"/> thrown before anything is touched leaves the state as it was.</summary>
    public T Write<T>(Func<Organisation, T> change)
    {
        T result;
        lock (gate)
        {
            result = change(Loaded());
            Interlocked.Increment(ref version);
        }

        Changed?.Invoke();
        return result;
    }

    public void Regenerate(int newSeed, int people)
    {
        lock (gate)
        {
            organisation = new Organisation(OrganisationGenerator.Generate(newSeed, people));
            seed = newSeed;
            Interlocked.Increment(ref version);
        }

        Changed?.Invoke();
    }

    public (byte[] Json, long Version) Serialize()
    {
        lock (gate)
        {
            var snapshot = new SimulatorSnapshot { Seed = seed, Organisation = Loaded().ToData() };
            return (SimulatorFile.Serialize(snapshot), Version);
        }
    }

    private Organisation Loaded()
    {
        if (organisation is not null)
        {
            return organisation;
        }

        var settings = options.Value;
        if (SimulatorFile.TryRead(settings.DataFile(), logger) is { } snapshot)
        {
            seed = snapshot.Seed;
            organisation = new Organisation(snapshot.Organisation);
            return organisation;
        }

        var people = settings.People;
        seed = settings.Seed;
        organisation = new Organisation(OrganisationGenerator.Generate(seed, people));
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("DingTalk simulator generated an organisation of {People} people from seed {Seed}", people, seed);
        }

        Interlocked.Increment(ref version);
        return organisation;
    }
}
