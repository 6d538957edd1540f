using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Portal.Domain.Data;

/// <summary>
/// A <see cref="PerModel{TQuery}"/> for each row limit. The limit is captured by the compiled query, so
/// the SQL carries the value itself: SQLite plans with the value of a LIMIT parameter, and so compiles
/// such a statement again after every binding, twice per run. The limits used are a handful of page sizes.
/// </summary>
public sealed class PerModelAndLimit<TQuery>(Func<int, TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<int, PerModel<TQuery>> byLimit = new();

    public TQuery For(DbContext db, int limit) => byLimit.GetOrAdd(limit, l => new PerModel<TQuery>(() => compile(l))).For(db);
}
