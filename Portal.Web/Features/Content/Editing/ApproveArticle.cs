using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Web.Features.Content.Editing;

/// <summary>An approver accepts a submitted item; the item itself refuses its own author (four eyes).</summary>
public sealed class ApproveArticle(IDbContextFactory<PortalDb> dbFactory, WorkflowEffects effects, TimeProvider time)
{
    public async Task RunAsync(Guid articleId, Guid by, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        var article = await access.ArticleAsync(db, articleId, cancellationToken);
        EditorialAccess.Require(access.Approver);
        var now = time.GetUtcNow().UtcDateTime;
        article.Approve(by, now);
        await effects.ApprovedAsync(db, article, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
