using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Audiences;

namespace Portal.Domain.Content;

/// <summary>
/// Counts committed changes to items and their audiences made by this process, per database, so what
/// is kept in memory about them knows when to read again. A count moves only once its change is
/// committed: a copy read between a save and its transaction's commit would otherwise pass as current.
/// </summary>
public sealed class ContentChanges : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly ContentChanges Instance = new();

    private static readonly object Marker = new();

    private static readonly ConcurrentDictionary<string, Counter> Counters = new(StringComparer.Ordinal);

    // Contexts that saved content inside a transaction not yet committed.
    private readonly ConditionalWeakTable<DbContext, object> awaitingCommit = [];

    private ContentChanges()
    {
    }

    /// <summary>The count for the database a connection string names.</summary>
    public static Counter In(string? connectionString) => Counters.GetOrAdd(connectionString ?? "", _ => new Counter());

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    // SaveChanges detects changes itself right after this; here only content entries are looked at, so a
    // large save (an organisation import) is not scanned twice.
    private static bool TouchesContent(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                if (entry.Entity is not (Article or Audience or AudienceRule))
                {
                    continue;
                }

                if (detecting)
                {
                    entry.DetectChanges();
                }

                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private void Saving(DbContext? context)
    {
        if (context is not null && TouchesContent(context))
        {
            awaitingCommit.AddOrUpdate(context, Marker);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && awaitingCommit.Remove(context))
        {
            In(context.Database.GetConnectionString()).Increment();
        }
    }

    // Inside a transaction the save's fate is its transaction's.
    private void Failed(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            RolledBack(context);
        }
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            awaitingCommit.Remove(context);
        }
    }

    public sealed class Counter
    {
        private long value;

        public long Value => Interlocked.Read(ref value);

        internal void Increment() => Interlocked.Increment(ref value);
    }
}
