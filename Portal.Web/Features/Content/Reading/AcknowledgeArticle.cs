using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reading;

public enum AcknowledgeOutcome
{
    Acknowledged,
    NotFound,
    Forbidden,

    /// <summary>The item does not ask for acknowledgement, or is no longer live.</summary>
    NotAsked,
}

/// <summary>
/// "我已阅读并确认": a person in the item's audience confirms a notice that asks for it. The first
/// confirmation counts; pressing again changes nothing.
/// </summary>
public sealed class AcknowledgeArticle(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public async Task<AcknowledgeOutcome> RunAsync(Viewer viewer, Guid articleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        switch (await ReadableArticle.CheckAsync(db, viewer, articleId, cancellationToken))
        {
            case Readability.NotFound:
                return AcknowledgeOutcome.NotFound;
            case Readability.Forbidden or Readability.Editorial:
                return AcknowledgeOutcome.Forbidden;
        }

        var asked = await db.Articles.AnyAsync(
            a => a.Id == articleId && a.Status == ContentStatus.Published && a.RequiresAcknowledgement && (a.ExpiresAt == null || a.ExpiresAt > now),
            cancellationToken);
        if (!asked)
        {
            return AcknowledgeOutcome.NotAsked;
        }

        await ReceiptUpsert.AcknowledgeAsync(db, articleId, viewer.PersonId, now, cancellationToken);
        return AcknowledgeOutcome.Acknowledged;
    }
}
