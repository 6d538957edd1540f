using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Web.Infrastructure.Background;

namespace Portal.Web.Features.People.Import;

/// <summary>Picks up queued imports, and runs whose instance died (lease expired), every few seconds.</summary>
internal sealed class ImportWorker(
    IServiceProvider services, ImportSignal signal, IOptions<ImportOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ImportWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        if (!await WakeableLoop.WaitForStartAsync(lifetime, stoppingToken))
        {
            return;
        }

        if (options.Value.WhenDirectoryEmpty)
        {
            await QueueFirstImportAsync(stoppingToken);
        }

        await WakeableLoop.RunAsync(TickAsync, signal, Interval, time, logger, "Import worker", stoppingToken);
    }

    private async Task QueueFirstImportAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken);
            if (!await db.People.AnyAsync(cancellationToken) && !await db.ImportRuns.AnyAsync(r => r.Status != ImportStatus.Failed, cancellationToken))
            {
                await scope.ServiceProvider.GetRequiredService<OrgImport>().RequestAsync("system", cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not queue the first import");
        }
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
