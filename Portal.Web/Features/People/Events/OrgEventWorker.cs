using Portal.Web.Features.People.Import;
using Portal.Web.Infrastructure.Background;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.People.Events;

/// <summary>Applies org events as they arrive (woken by <see cref="OrgEventSignal"/>), and every few seconds the ones due again.</summary>
internal sealed class OrgEventWorker(
    IServiceProvider services, OrgEventSignal signal, IOptions<ImportOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<OrgEventWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground || !await WakeableLoop.WaitForStartAsync(lifetime, stoppingToken))
        {
            return;
        }

        await WakeableLoop.RunAsync(PassAsync, signal, Interval, time, logger, "Org event worker", stoppingToken);
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var apply = scope.ServiceProvider.GetRequiredService<ApplyOrgEvents>();
        while (await apply.RunOnceAsync(cancellationToken) > 0)
        {
        }
    }
}
