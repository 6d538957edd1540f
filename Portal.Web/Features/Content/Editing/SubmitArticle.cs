using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Web.Features.Content.Editing;

/// <summary>Sends a draft (or a reworked rejected item) to review: it must reach someone and not have expired already.</summary>
public sealed class SubmitArticle(IDbContextFactory<PortalDb> dbFactory, WorkflowEffects effects, TimeProvider time)
{
    public Task RunAsync(Guid articleId, Guid by, CancellationToken cancellationToken) => RunAsync(articleId, by, null, cancellationToken);

    /// <param name="confirmed">The reach the author confirmed; the item is not submitted when its audience now reaches others.</param>
    public async Task RunAsync(Guid articleId, Guid by, AudienceReach? confirmed, CancellationToken cancellationToken)
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

        var reach = await DraftReach.StoredAsync(db, article.AudienceId, cancellationToken);
        if (reach.People == 0)
        {
            throw new EditingException("audience-empty", "The audience reaches nobody.", "audience");
        }

        if (confirmed is not null && confirmed != reach)
        {
            throw new EditingException("audience-changed", "The audience changed since its reach was confirmed.", "audience");
        }

        article.Submit(by, now);
        await effects.SubmittedAsync(db, article, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
