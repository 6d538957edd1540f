using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Web.Features.People.Import;

/// <summary>Picks up queued imports, and runs whose instance died (lease expired), every few seconds.</summary>
internal sealed class ImportWorker(IServiceProvider services, TimeProvider time, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Import worker tick failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDb>>();
        var now = time.GetUtcNow().UtcDateTime;
        Guid? runId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            runId = await db.ImportRuns
                .Where(r => r.Status == ImportStatus.Queued || (r.Status == ImportStatus.Running && r.LeaseUntil < now))
                .OrderBy(r => r.RequestedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (runId is { } id)
        {
            await scope.ServiceProvider.GetRequiredService<OrgImport>().RunAsync(id, cancellationToken);
        }
    }
}
