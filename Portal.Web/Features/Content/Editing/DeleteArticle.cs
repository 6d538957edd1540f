using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing;

/// <summary>
/// Throws away a draft or a rejected item: its author or an admin may. The item keeps its history and
/// leaves the editor's lists; its cover and attachments go with it.
/// </summary>
public sealed class DeleteArticle(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public async Task RunAsync(Guid articleId, Guid by, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        var article = await access.ArticleAsync(db, articleId, cancellationToken);
        access.RequireOwner(article);
        article.Delete(by, time.GetUtcNow().UtcDateTime);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.ContentFiles.Where(f => f.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
