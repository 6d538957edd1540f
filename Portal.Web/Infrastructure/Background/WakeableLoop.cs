namespace Portal.Web.Infrastructure.Background;

/// <summary>
/// The loop of a background worker: once the portal listens (in Simulator mode DingTalk is this very
/// server), a pass, then the next one at the interval or as soon as the signal is raised. A failed pass
/// is logged and the loop goes on.
/// </summary>
public static class WakeableLoop
{
    public static async Task RunAsync(
        Func<CancellationToken, Task> pass, WakeSignal signal, TimeSpan interval, TimeProvider time, ILogger logger, string what, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        Task<bool>? tick = null;
        Task? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "{Worker} pass failed", what);
            }

            // Both waits stay pending across rounds: a timer allows one waiter, and a dropped wait on the
            // signal would swallow the next request.
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            wake ??= signal.WaitAsync(stoppingToken);
            try
            {
                var first = await Task.WhenAny(tick, wake);
                await first;
                if (first == tick)
                {
                    tick = null;
                }
                else
                {
                    wake = null;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>False when the portal stopped before it started.</returns>
    public static async Task<bool> WaitForStartAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }
}
