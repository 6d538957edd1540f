using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Outbox;

/// <summary>Runs the relay for the portal's lifetime: immediately again while there is work, otherwise every poll interval.</summary>
internal sealed class OutboxWorker(OutboxRelay relay, IOptionsMonitor<OutboxOptions> options, TimeProvider time, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.RunInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                taken = await relay.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Outbox relay pass failed");
            }

            if (taken == 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
