using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// The tab bar's unread count, which every page shows: kept per person for a short while so moving
/// between pages does not count again. This instance forgets a person's count as soon as they read or
/// confirm something; a new item, or a read on another instance, shows within <see cref="KeepFor"/>.
/// </summary>
public sealed class UnreadCounts(IMemoryCache cache, IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);

    // Bumped by every Forget: a count worked out while the person was reading is not kept, since it
    // may predate the read.
    private readonly ConcurrentDictionary<Guid, long> generations = new();

    public async Task<int> GetAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var key = Key(viewer.PersonId);
        if (cache.TryGetValue(key, out int count))
        {
            return count;
        }

        var generation = generations.GetValueOrDefault(viewer.PersonId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        count = await ReadingQueries.UnreadCountAsync(db, viewer, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (generations.GetValueOrDefault(viewer.PersonId) == generation)
        {
            cache.Set(key, count, KeepFor);
        }

        return count;
    }

    public void Forget(Guid personId)
    {
        generations.AddOrUpdate(personId, 1, (_, generation) => generation + 1);
        cache.Remove(Key(personId));
    }

    private static string Key(Guid personId) => "unread-count:" + personId.ToString("N");
}
