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

    // The organisation rarely changes while messages flow; its JSON is kept until it does.
    private long organisationVersion;
    private (long Version, byte[] Json)? savedOrganisation;

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

    /// <summary>Runs a change to the organisation; a <see cref="Http.SimulatedError"/> thrown before anything is touched leaves the state as it was.</summary>
    public T Write<T>(Func<Organisation, T> change) => Change((org, _) => change(org), organisationChanged: true);

    /// <summary>Runs a change to what people received (the organisation is only read).</summary>
    /// <inheritdoc cref="Write{T}(Func{Organisation, T})"/>
    public T Write<T>(Func<Organisation, Inboxes, T> change) => Change(change, organisationChanged: false);

    public void Regenerate(int newSeed, int people) => Replace(OrganisationGenerator.Generate(newSeed, people), newSeed);

    /// <summary>A new organisation with empty inboxes.</summary>
    public void Replace(OrganisationData data, int newSeed)
    {
        lock (gate)
        {
            organisation = new Organisation(data);
            inboxes = new Inboxes(new InboxData());
            seed = newSeed;
            organisationVersion++;
            Interlocked.Increment(ref version);
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// The whole state as the JSON document, and the version it shows. Only a copy of what may still change
    /// is taken under the lock; the writing happens outside it, so a large organisation is saved without
    /// holding up the calls made meanwhile.
    /// </summary>
    public (byte[] Json, long Version) Serialize()
    {
        byte[] organisationJson;
        InboxData snapshot;
        int snapshotSeed;
        long snapshotVersion;
        lock (gate)
        {
            var org = Loaded();
            if (savedOrganisation is not { } saved || saved.Version != organisationVersion)
            {
                saved = (organisationVersion, SimulatorFile.Serialize(org.ToData()));
                savedOrganisation = saved;
            }

            organisationJson = saved.Json;
            snapshot = inboxes.Snapshot();
            snapshotSeed = seed;
            snapshotVersion = Version;
        }

        return (SimulatorFile.Serialize(snapshotSeed, organisationJson, snapshot), snapshotVersion);
    }

    private T Change<T>(Func<Organisation, Inboxes, T> change, bool organisationChanged)
    {
        T result;
        lock (gate)
        {
            result = change(Loaded(), inboxes);
            organisationVersion += organisationChanged ? 1 : 0;
            Interlocked.Increment(ref version);
        }

        Changed?.Invoke();
        return result;
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
