using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing;

/// <summary>
/// Starts a revision of a published item: a draft with its own copy of the audience and of every file
/// (the cover pointing at its copy), since publishing the revision replaces the live item's files with
/// the revision's. The live item stays as it is until then. An open revision is reused, not doubled.
/// </summary>
public sealed class ReviseArticle(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    /// <returns>The revision's id.</returns>
    public async Task<Guid> RunAsync(Guid articleId, Guid by, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        var live = await access.ArticleAsync(db, articleId, cancellationToken);
        access.RequireOwner(live);
        var open = await db.Articles.Where(a => a.RevisionOfId == live.Id && a.Status != ContentStatus.Archived && a.Status != ContentStatus.Deleted)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is { } existing)
        {
            return existing;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var source = await db.Audiences.AsNoTracking().Include(a => a.Rules).SingleAsync(a => a.Id == live.AudienceId, cancellationToken);
        var audience = new Audience { Everyone = source.Everyone };
        audience.Rules.AddRange(source.Rules.Select(r => AudienceRuleInput.From(r).ToRule()));
        db.Audiences.Add(audience);
        var revision = live.Revise(by, audience.Id, time.GetUtcNow().UtcDateTime);
        db.Articles.Add(revision);
        revision.SetCover(null);
        await db.SaveChangesAsync(cancellationToken);

        // One file in memory at a time: attachments may be large.
        var fileIds = await db.ContentFiles.Where(f => f.ArticleId == live.Id).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var fileId in fileIds)
        {
            var file = await db.ContentFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, cancellationToken);
            var copy = new ContentFile
            {
                ArticleId = revision.Id,
                Purpose = file.Purpose,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Length = file.Length,
                Bytes = file.Bytes,
                UploadedById = file.UploadedById,
                UploadedAt = file.UploadedAt,
            };
            db.ContentFiles.Add(copy);
            if (file.Id == live.CoverImageId)
            {
                revision.SetCover(copy.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.Entry(copy).State = EntityState.Detached;
        }

        await transaction.CommitAsync(cancellationToken);
        return revision.Id;
    }
}
