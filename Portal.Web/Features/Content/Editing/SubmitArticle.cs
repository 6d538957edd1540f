using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Web.Features.Content.Editing;

/// <summary>Sends a draft (or a reworked rejected item) to review: it must reach someone and not have expired already.</summary>
public sealed class SubmitArticle(IDbContextFactory<PortalDb> dbFactory, WorkflowEffects effects, TimeProvider time)
{
    public async Task RunAsync(Guid articleId, Guid by, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        var article = await access.ArticleAsync(db, articleId, cancellationToken);
        access.RequireOwner(article);
        var now = time.GetUtcNow().UtcDateTime;
        if (article.ExpiresAt is { } expires && expires <= now)
        {
            throw new EditingException("expires-in-past", "The expiry lies in the past.", "expiresAt");
        }

        var audience = await db.Audiences.AsNoTracking().Include(a => a.Rules).SingleAsync(a => a.Id == article.AudienceId, cancellationToken);
        if (!await DraftReach.ReachesAnyoneAsync(db, audience, cancellationToken))
        {
            throw new EditingException("audience-empty", "The audience reaches nobody.", "audience");
        }

        article.Submit(by, now);
        await effects.SubmittedAsync(db, article, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
