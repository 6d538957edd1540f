using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Web.Features.Content.Editing;

/// <summary>An approver sends a submitted item back to its author, always saying why.</summary>
public sealed class RejectArticle(IDbContextFactory<PortalDb> dbFactory, WorkflowEffects effects, TimeProvider time)
{
    public const int MaxCommentLength = 1000;

    public async Task RunAsync(Guid articleId, Guid by, string? comment, CancellationToken cancellationToken)
    {
        var reason = comment?.Trim() ?? "";
        if (reason.Length == 0)
        {
            throw new EditingException("comment-required", "A rejection needs a comment.", "comment");
        }

        if (reason.Length > MaxCommentLength)
        {
            throw new EditingException("comment-too-long", $"The comment may be at most {MaxCommentLength} characters.", "comment");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        var article = await access.ArticleAsync(db, articleId, cancellationToken);
        EditorialAccess.Require(access.Approver);
        var now = time.GetUtcNow().UtcDateTime;
        article.Reject(by, reason, now);
        await effects.RejectedAsync(db, article, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
