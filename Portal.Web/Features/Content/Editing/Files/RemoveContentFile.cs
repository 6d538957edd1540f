using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing.Files;

/// <summary>Removes an attachment or the cover from a draft.</summary>
public sealed class RemoveContentFile(IDbContextFactory<PortalDb> dbFactory)
{
    public async Task RunAsync(Guid fileId, Guid by, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var articleId = await db.ContentFiles.Where(f => f.Id == fileId).Select(f => f.ArticleId).SingleOrDefaultAsync(cancellationToken)
            ?? throw EditingException.NotFound();
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        var article = await access.ArticleAsync(db, articleId, cancellationToken);
        access.RequireOwner(article);
        EditorialAccess.RequireEditable(article);

        if (article.CoverImageId == fileId)
        {
            article.SetCover(null);
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.ContentFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(cancellationToken);
    }
}
