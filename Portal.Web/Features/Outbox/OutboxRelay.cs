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
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = await OutboxLeases.ClaimAsync(db, Owner, Now(), TimeSpan.FromSeconds(settings.LeaseSeconds), settings.BatchSize, cancellationToken);
        foreach (var message in batch)
        {
            try
            {
                if (!byKind.TryGetValue(message.Kind, out var handler))
                {
                    throw new InvalidOperationException($"no handler for outbox kind '{message.Kind}'");
                }

                await handler.HandleAsync(message, cancellationToken);
                message.Delivered(Now());
            }
            catch (PermanentDeliveryException exception)
            {
                message.Failed(exception.Message, Now(), TimeSpan.Zero, maxAttempts: message.Attempts + 1);
                logger.LogError("Outbox {Kind} {Id} refused for good, dead-lettered: {Error}", message.Kind, message.Id, exception.Message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.Failed(exception.Message, Now(), Backoff(message.Attempts + 1, settings), settings.MaxAttempts);
                logger.LogWarning("Outbox {Kind} {Id} failed (attempt {Attempt}): {Error}", message.Kind, message.Id, message.Attempts, exception.Message);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return batch.Count;
    }

    /// <summary>Exponential backoff with jitter: base × 2^(attempt−1), capped, times 0.5–1.5.</summary>
    public static TimeSpan Backoff(int attempt, OutboxOptions settings)
    {
        var exponential = settings.BaseDelaySeconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, settings.MaxDelaySeconds);
        return TimeSpan.FromSeconds(capped * (0.5 + Random.Shared.NextDouble()));
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
