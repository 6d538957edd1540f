using Microsoft.Extensions.Options;
using Portal.Web.Features.Content.Delivery;

namespace Portal.Web.Features.Content.Scheduling;

/// <summary>Runs <see cref="ContentSchedule"/> every poll interval for the portal's lifetime, in a scope of its own per pass.</summary>
internal sealed class ContentScheduler(IServiceScopeFactory scopes, IOptionsMonitor<SchedulerOptions> options, TimeProvider time, ILogger<ContentScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (options.CurrentValue.Enabled)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var pass = await scope.ServiceProvider.GetRequiredService<ContentSchedule>().RunOnceAsync(stoppingToken);
                    if (pass.Published + pass.Expired > 0)
                    {
                        logger.SchedulePass(pass.Published, pass.Expired);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Content schedule pass failed");
                }
            }

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
