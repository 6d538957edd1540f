using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Web.Features.SignIn;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Content.Editing.Files;

/// <summary>
/// <c>GET /content/files/{id}</c>: a cover or attachment, for the people the published item is for and
/// for those who write or review it. Anyone else gets the same 404 as for a file that does not exist, so
/// ids reveal nothing.
/// </summary>
public static class ContentFileEndpoint
{
    public const string PathPrefix = "/content/files/";

    public static string PathOf(Guid fileId) => PathPrefix + fileId.ToString("D");

    public static async Task<IResult> HandleAsync(Guid id, ClaimsPrincipal user, HttpContext http, IDbContextFactory<PortalDb> dbFactory, CancellationToken cancellationToken)
    {
        if (user.PersonId() is not { } personId)
        {
            return Problems.Unauthorized("not-signed-in", "Sign in first");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.ContentFiles.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new { f.ArticleId, f.UploadedById, f.FileName, f.ContentType }).SingleOrDefaultAsync(cancellationToken);
        if (file is null || !await MayReadAsync(db, personId, file.ArticleId, file.UploadedById, cancellationToken))
        {
            return Problems.NotFound("file-not-found", "No such file");
        }

        var bytes = await db.ContentFiles.AsNoTracking().Where(f => f.Id == id).Select(f => f.Bytes).SingleAsync(cancellationToken);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, max-age=300";
        if (FileSignatures.Images.Contains(file.ContentType))
        {
            headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName }.ToString();
            return Results.File(bytes, file.ContentType);
        }

        return Results.File(bytes, file.ContentType, file.FileName);
    }

    private static async Task<bool> MayReadAsync(PortalDb db, Guid personId, Guid? articleId, Guid uploadedById, CancellationToken cancellationToken)
    {
        if (articleId is not { } itemId)
        {
            return uploadedById == personId;
        }

        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == itemId, cancellationToken);
        if (article is null)
        {
            return false;
        }

        if (article.Status == ContentStatus.Published
            && await ViewerQuery.ForPersonAsync(db, personId, cancellationToken) is { } viewer
            && await db.Articles.Where(a => a.Id == itemId).VisibleTo(db, viewer).AnyAsync(cancellationToken))
        {
            return true;
        }

        return (await EditorialAccess.ForAsync(db, personId, cancellationToken)).CanView(article);
    }
}
