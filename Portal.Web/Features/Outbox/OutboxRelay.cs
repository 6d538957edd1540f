using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;
using Portal.Domain.Outbox;

namespace Portal.Web.Features.Outbox;

/// <summary>One pass of delivery: lease due messages, hand each to its handler, record the outcome.</summary>
public sealed class OutboxRelay(
    IDbContextFactory<PortalDb> dbFactory,
    IEnumerable<IOutboxHandler> handlers,
    IOptionsMonitor<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay> logger)
{
    private readonly Dictionary<string, IOutboxHandler> byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>An identity per relay instance, so its leases are its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Guid.NewGuid():n}";

    /// <returns>How many messages this pass took.</returns>
    /// <remarks>
    /// Messages of a batch are handled a few at a time: a DingTalk call paced at 15 per second leaves about
    /// 67 ms per call, and the database work around each call would otherwise eat into that. Outcomes are
    /// recorded one at a time on the relay's own context.
    /// </remarks>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = await OutboxLeases.ClaimAsync(db, Owner, Now(), TimeSpan.FromSeconds(settings.LeaseSeconds), settings.BatchSize, cancellationToken);
        using var recording = new SemaphoreSlim(1, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batch, parallel, async (message, token) =>
        {
            var failure = await DeliverAsync(message, token);
            await recording.WaitAsync(CancellationToken.None);
            try
            {
                Record(message, failure, settings);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            finally
            {
                recording.Release();
            }
        });

        return batch.Count;
    }

    /// <summary>Exponential backoff with jitter: base × 2^(attempt−1), capped, times 0.5–1.5.</summary>
    public static TimeSpan Backoff(int attempt, OutboxOptions settings)
    {
        var exponential = settings.BaseDelaySeconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, settings.MaxDelaySeconds);
        return TimeSpan.FromSeconds(capped * (0.5 + Random.Shared.NextDouble()));
    }

    /// <returns>Null when delivered, otherwise what went wrong.</returns>
    private async Task<Exception?> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!byKind.TryGetValue(message.Kind, out var handler))
            {
                throw new InvalidOperationException($"no handler for outbox kind '{message.Kind}'");
            }

            await handler.HandleAsync(message, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    private void Record(OutboxMessage message, Exception? failure, OutboxOptions settings)
    {
        switch (failure)
        {
            case null:
                message.Delivered(Now());
                break;
            case PermanentDeliveryException:
                message.Failed(failure.Message, Now(), TimeSpan.Zero, maxAttempts: message.Attempts + 1);
                logger.LogError("Outbox {Kind} {Id} refused for good, dead-lettered: {Error}", message.Kind, message.Id, failure.Message);
                break;
            default:
                message.Failed(failure.Message, Now(), Backoff(message.Attempts + 1, settings), settings.MaxAttempts);
                logger.LogWarning("Outbox {Kind} {Id} failed (attempt {Attempt}): {Error}", message.Kind, message.Id, message.Attempts, failure.Message);
                break;
        }
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
