using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

/// <summary>Notes that a person opened an item: one receipt per person, stamped with the first time only.</summary>
public sealed class RecordRead(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    /// <returns>Whether the item is readable by the viewer (nothing is recorded otherwise).</returns>
    public async Task<Readability> RunAsync(Viewer viewer, Guid articleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readability = await ReadableArticle.CheckAsync(db, viewer, articleId, cancellationToken);
        if (readability == Readability.Readable)
        {
            await ReceiptUpsert.ReadAsync(db, articleId, viewer.PersonId, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        return readability;
    }
}
