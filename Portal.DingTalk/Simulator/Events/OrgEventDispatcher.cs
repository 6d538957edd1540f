using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Simulator.Stream;

namespace Portal.DingTalk.Simulator.Events;

/// <summary>
/// Delivers queued org events: over Stream to every connected client, and as an HTTP callback that
/// is retried 10 s and 30 s after a failure (DingTalk's schedule, reference §8.1) and then kept for
/// <c>get_call_back_failed_result</c>. Each delivery runs on its own, so a slow receiver holds up
/// nothing else.
/// </summary>
internal sealed class OrgEventDispatcher(
    SimulatorEvents events,
    CallbackSender callbacks,
    StreamGateway gateway,
    IOptionsMonitor<DingTalkOptions> app,
    TimeProvider time,
    ILogger<OrgEventDispatcher> logger) : BackgroundService
{
    public static readonly IReadOnlyList<TimeSpan> RetryDelays = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    // A clock that jumps (a test's) wakes no timer, so due retries are also looked for this often.
    private static readonly TimeSpan RetryPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<Task, bool> running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (app.CurrentValue.Mode != DingTalkMode.Simulator)
        {
            return;
        }

        try
        {
            await DispatchAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: deliveries in flight are cancelled below.
        }
        finally
        {
            await Task.WhenAll(running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        Task<bool>? incoming = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            while (events.Queued.TryRead(out var orgEvent))
            {
                Track(StreamAsync(orgEvent, stoppingToken));
                Track(AttemptAsync(new ScheduledCallback(orgEvent, 1, orgEvent.OccurredAt), stoppingToken));
            }

            foreach (var retry in events.TakeDueRetries())
            {
                Track(AttemptAsync(retry, stoppingToken));
            }

            incoming ??= events.Queued.WaitToReadAsync(stoppingToken).AsTask();
            var retryScheduled = events.RetryScheduled;
            if (events.NextRetryAt() is { } next)
            {
                var wait = next - time.GetUtcNow();
                wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > RetryPollInterval ? RetryPollInterval : wait;
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(incoming, retryScheduled, Task.Delay(wait, time, waiting.Token));
                await waiting.CancelAsync();
            }
            else
            {
                await Task.WhenAny(incoming, retryScheduled);
            }

            if (incoming.IsCompleted)
            {
                if (!await incoming)
                {
                    return;
                }

                incoming = null;
            }
        }
    }

    private async Task AttemptAsync(ScheduledCallback callback, CancellationToken cancellationToken)
    {
        var orgEvent = callback.Event;
        if (callbacks.Target is not { } url)
        {
            events.Deliveries.CallbackOff(orgEvent.EventId);
            return;
        }

        var attempt = await callbacks.SendAsync(url, orgEvent, cancellationToken);
        if (attempt.Delivered)
        {
            events.Deliveries.CallbackAttempted(orgEvent.EventId, CallbackStatus.Delivered, null);
            return;
        }

        if (callback.Attempt <= RetryDelays.Count)
        {
            var delay = RetryDelays[callback.Attempt - 1];
            events.ScheduleRetry(new ScheduledCallback(orgEvent, callback.Attempt + 1, time.GetUtcNow() + delay));
            events.Deliveries.CallbackAttempted(orgEvent.EventId, CallbackStatus.Retrying, attempt.Error);
            SimulatorEventsLog.Retrying(logger, orgEvent.EventType, orgEvent.EventId, callback.Attempt, attempt.Error, delay);
            return;
        }

        events.Failed.Add(new UndeliveredCallback(orgEvent, attempt.Payload));
        events.Deliveries.CallbackAttempted(orgEvent.EventId, CallbackStatus.Failed, attempt.Error);
        SimulatorEventsLog.GaveUp(logger, orgEvent.EventType, orgEvent.EventId, callback.Attempt, attempt.Error);
    }

    private async Task StreamAsync(SimulatedOrgEvent orgEvent, CancellationToken cancellationToken)
    {
        var report = await gateway.PublishEventAsync(
            orgEvent.EventType, OrgEventPayloads.StreamData(orgEvent), eventId: orgEvent.EventId, cancellationToken: cancellationToken);
        events.Deliveries.Streamed(orgEvent.EventId, report.Clients.Count, report.Acknowledged);
    }

    private void Track(Task delivery)
    {
        running[delivery] = true;
        _ = delivery.ContinueWith(
            finished =>
            {
                running.TryRemove(finished, out _);
                if (finished.Exception is { } exception)
                {
                    SimulatorEventsLog.DeliveryCrashed(logger, exception.GetBaseException());
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
