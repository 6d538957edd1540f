using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Simulator.Inbox;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.State;

/// <summary>
/// Everything the simulator persists, as one JSON document: the organisation and what its people
/// received (work notifications, to-dos, DINGs), loaded, saved and reset together.
/// </summary>
internal sealed class SimulatorSnapshot
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public int Seed { get; set; }

    public OrganisationData Organisation { get; set; } = new();

    /// <summary>Absent in documents saved before inboxes existed; they load with empty inboxes.</summary>
    public InboxData Inboxes { get; set; } = new();
}

/// <summary>
/// The simulator's persisted world behind one lock. The organisation is loaded (or generated) on
/// first use; every write bumps <see cref="Version"/> and raises <see cref="Changed"/> for persistence.
/// </summary>
internal sealed class SimulatorState(IOptions<SimulatorOptions> options, ILogger<SimulatorState> logger)
{
    private readonly Lock gate = new();
    private Organisation? organisation;
    private Inboxes inboxes = new(new InboxData());
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

    public T Read<T>(Func<Organisation, Inboxes, T> query)
    {
        lock (gate)
        {
            return query(Loaded(), inboxes);
        }
    }

    /// <summary>Runs a change; a <see cref="Http.SimulatedError"/> thrown before anything is touched leaves the state as it was.</summary>
    public T Write<T>(Func<Organisation, T> change) => Write((org, _) => change(org));

    /// <inheritdoc cref="Write{T}(Func{Organisation, T})"/>
    public T Write<T>(Func<Organisation, Inboxes, T> change)
    {
        T result;
        lock (gate)
        {
            result = change(Loaded(), inboxes);
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
            inboxes = new Inboxes(new InboxData());
            seed = newSeed;
            Interlocked.Increment(ref version);
        }

        Changed?.Invoke();
    }

    public (byte[] Json, long Version) Serialize()
    {
        lock (gate)
        {
            var snapshot = new SimulatorSnapshot { Seed = seed, Organisation = Loaded().ToData(), Inboxes = inboxes.Data };
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
            inboxes = new Inboxes(snapshot.Inboxes);
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
