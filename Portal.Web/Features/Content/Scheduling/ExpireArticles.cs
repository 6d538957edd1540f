using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Web.Features.Content.Scheduling;

/// <summary>Takes published items past their expiry off the feed, each once even with several instances running.</summary>
public sealed class ExpireArticles(IDbContextFactory<PortalDb> dbFactory, TimeProvider time, ILogger<ExpireArticles> logger)
{
    /// <returns>How many items expired.</returns>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Articles.Where(a => a.Status == ContentStatus.Published && a.ExpiresAt != null && a.ExpiresAt <= now)
                .Select(a => a.Id).ToListAsync(cancellationToken);
        }

        return await ItemPass.RunAsync(due, id => ExpireAsync(id, now, cancellationToken), logger, "Expiry", cancellationToken);
    }

    /// <summary>The conditional update claims the item, so a second instance finds nothing left to expire.</summary>
    private async Task<bool> ExpireAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Articles.Where(a => a.Id == id && a.Status == ContentStatus.Published && a.ExpiresAt != null && a.ExpiresAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var article = await db.Articles.Include(a => a.History).SingleAsync(a => a.Id == id, cancellationToken);
        article.Expire(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
