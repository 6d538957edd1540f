using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Domain.Data;

/// <summary>
/// A precompiled query for each model and row limit, the limit written into the SQL. SQLite plans with
/// the value of a LIMIT parameter, and so compiles such a statement again after every binding: twice
/// per run. The limits used are a handful of page sizes.
/// </summary>
public sealed class PerModelAndLimit<TQuery>(Func<int, TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<(IModel Model, int Limit), TQuery> compiled = new();

    public TQuery For(DbContext db, int limit) => compiled.GetOrAdd((db.Model, limit), key => compile(key.Limit));
}
