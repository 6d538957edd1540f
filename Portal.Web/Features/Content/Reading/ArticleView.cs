using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

public sealed record AttachmentView(Guid Id, string FileName, long Length);

/// <summary>An item as its reader sees it. <see cref="Body"/> is the HTML sanitized when it was saved.</summary>
public sealed record ArticleView(
    Guid Id,
    ContentKind Kind,
    string Title,
    string? Summary,
    string Body,
    string? Category,
    Guid? CoverImageId,
    DateTime? PublishedAt,
    bool RequiresAcknowledgement,
    bool AcknowledgementOpen,
    IReadOnlyList<AttachmentView> Attachments,
    DateTime? AcknowledgedAt)
{
    /// <summary>In the item's audience; someone behind the item but outside it only looks (<see cref="Readability.Editorial"/>).</summary>
    public bool Reader { get; init; } = true;

    public bool AwaitsAcknowledgement => RequiresAcknowledgement && AcknowledgementOpen && AcknowledgedAt is null;

    /// <summary>Loads the item only if the viewer may open it; otherwise says why not.</summary>
    public static async Task<(Readability Readability, ArticleView? View)> LoadAsync(PortalDb db, Viewer viewer, Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var readability = await ReadableArticle.CheckAsync(db, viewer, id, cancellationToken);
        if (readability is not (Readability.Readable or Readability.Editorial))
        {
            return (readability, null);
        }

        var personId = viewer.PersonId;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Kind, a.Title, a.Summary, a.Body, a.Category, a.CoverImageId, a.PublishedAt, a.RequiresAcknowledgement,
                Open = a.Status == ContentStatus.Published && (a.ExpiresAt == null || a.ExpiresAt > now),
                AcknowledgedAt = db.ArticleReceipts.Where(r => r.ArticleId == a.Id && r.PersonId == personId).Select(r => r.AcknowledgedAt).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var attachments = await db.ContentFiles.AsNoTracking()
            .Where(f => f.ArticleId == id && f.Purpose == ContentFilePurpose.Attachment)
            .OrderBy(f => f.UploadedAt).ThenBy(f => f.FileName)
            .Select(f => new AttachmentView(f.Id, f.FileName, f.Length))
            .ToListAsync(cancellationToken);
        return (readability, new ArticleView(
            article.Id, article.Kind, article.Title, article.Summary, article.Body, article.Category, article.CoverImageId, article.PublishedAt,
            article.RequiresAcknowledgement, article.Open, attachments, article.AcknowledgedAt) { Reader = readability == Readability.Readable });
    }
}
