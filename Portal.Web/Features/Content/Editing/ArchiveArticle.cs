using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing;

/// <summary>Takes a published or expired item off the portal: its author, an approver or an admin may.</summary>
public sealed class ArchiveArticle(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public async Task RunAsync(Guid articleId, Guid by, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        var article = await access.ArticleAsync(db, articleId, cancellationToken);
        EditorialAccess.Require(access.CanArchive(article.AuthorId));
        article.Archive(by, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }
}
