using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Editing;

namespace Portal.Web.Features.Content.Reading;

public enum Readability
{
    Readable,
    NotFound,

    /// <summary>The item exists but its audience does not include this person.</summary>
    Forbidden,

    /// <summary>
    /// The audience leaves this person out, but they are behind the item (<see cref="ItemEditors"/>):
    /// they open it, and count as no reader (no receipt, nothing to acknowledge).
    /// </summary>
    Editorial,
}

/// <summary>
/// Whether a person may open an item: it is live (published, or expired but kept) and its audience
/// includes them, or they are behind it.
/// </summary>
public static class ReadableArticle
{
    public static async Task<Readability> CheckAsync(PortalDb db, Viewer viewer, Guid articleId, CancellationToken cancellationToken)
    {
        var live = db.Articles.AsNoTracking().Where(a => a.Id == articleId && (a.Status == ContentStatus.Published || a.Status == ContentStatus.Expired));
        if (!await live.AnyAsync(cancellationToken))
        {
            return Readability.NotFound;
        }

        if (await live.VisibleTo(db, viewer).AnyAsync(cancellationToken))
        {
            return Readability.Readable;
        }

        return await ItemEditors.IncludeAsync(db, viewer.PersonId, articleId, cancellationToken) ? Readability.Editorial : Readability.Forbidden;
    }
}
