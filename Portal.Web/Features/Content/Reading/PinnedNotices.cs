using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// The ids of the pinned notices, for every home page: the column has no index, so finding them reads
/// every item; the short-lived list is shared by all readers (each still sees only those for them).
/// A newly pinned notice reaches the top within <see cref="KeepFor"/>, and the feed meanwhile.
/// </summary>
public sealed class PinnedNotices(IMemoryCache cache, IDbContextFactory<PortalDb> dbFactory)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(10);

    private const string Key = "pinned-notices";

    public async Task<IReadOnlyCollection<Guid>> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key, out IReadOnlyCollection<Guid>? ids) && ids is not null)
        {
            return ids;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ids = await ReadingQueries.PinnedIdsAsync(db, cancellationToken);
        cache.Set(Key, ids, KeepFor);
        return ids;
    }
}
