using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Domain.Data;

/// <summary>
/// A precompiled query for each model it meets: EF Core binds a compiled query to the first model that
/// runs it, and one process may hold a SQLite and a PostgreSQL model.
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> compiled = new(ReferenceEqualityComparer.Instance);

    public TQuery For(DbContext db) => compiled.GetOrAdd(db.Model, _ => compile());
}
