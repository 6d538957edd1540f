using Microsoft.Extensions.Options;
using Portal.DingTalk;

namespace Portal.Web.Features.Content.Reading.Demo;

/// <summary>
/// In Development with the simulator, waits for the demo organisation's import (started at the same
/// time) and then publishes the demo content once, so a first <c>dotnet run</c> shows a living home.
/// </summary>
internal sealed partial class DemoContentWorker(
    IServiceProvider services,
    IOptions<DemoContentOptions> options,
    IOptionsMonitor<DingTalkOptions> dingTalk,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DemoContentWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>An import of the demo organisation takes seconds; past this the worker gives up quietly.</summary>
    private const int MaxAttempts = 120;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WhenEmpty || !environment.IsDevelopment() || dingTalk.CurrentValue.Mode != DingTalkMode.Simulator)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }

                await using var scope = services.CreateAsyncScope();
                var seeder = scope.ServiceProvider.GetRequiredService<DemoContentSeeder>();
                var published = await seeder.SeedAsync(stoppingToken);
                if (published > 0)
                {
                    LogPublished(logger, published);
                    return;
                }

                if (await seeder.HasContentAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Demo content could not be published");
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} demo news items and notices")]
    private static partial void LogPublished(ILogger logger, int count);
}
