using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

public enum Readability
{
    Readable,
    NotFound,

    /// <summary>The item exists but its audience does not include this person.</summary>
    Forbidden,
}

/// <summary>Whether a person may open an item: it is live (published, or expired but kept) and its audience includes them.</summary>
public static class ReadableArticle
{
    public static async Task<Readability> CheckAsync(PortalDb db, Viewer viewer, Guid articleId, CancellationToken cancellationToken)
    {
        var live = db.Articles.AsNoTracking().Where(a => a.Id == articleId && (a.Status == ContentStatus.Published || a.Status == ContentStatus.Expired));
        if (!await live.AnyAsync(cancellationToken))
        {
            return Readability.NotFound;
        }

        return await live.VisibleTo(db, viewer).AnyAsync(cancellationToken) ? Readability.Readable : Readability.Forbidden;
    }
}
