using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing.Files;

public sealed record UploadedFile(Guid Id, ContentFilePurpose Purpose, string FileName, string ContentType, long Length);

/// <summary>
/// Stores a cover image or an attachment of a draft after checking it: size first (reading stops past the
/// limit), then the type from the content's signature. A refused file leaves nothing behind. A new cover
/// replaces the previous one.
/// </summary>
public sealed class UploadContentFile(IDbContextFactory<PortalDb> dbFactory, IOptionsMonitor<ContentFileOptions> options, TimeProvider time)
{
    public async Task<UploadedFile> RunAsync(Guid articleId, Guid by, ContentFilePurpose purpose, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        var article = await access.ArticleAsync(db, articleId, cancellationToken);
        access.RequireOwner(article);
        EditorialAccess.RequireEditable(article);

        var limit = purpose == ContentFilePurpose.Cover ? settings.MaxCoverBytes : settings.MaxAttachmentBytes;
        var bytes = await ReadAsync(content, limit, cancellationToken)
            ?? throw new EditingException("file-too-large", $"The file may be at most {limit} bytes.", "file");
        var name = FileNames.Sanitize(fileName, ContentFile.MaxFileNameLength);
        var type = bytes.Length == 0 ? null
            : purpose == ContentFilePurpose.Cover ? AttachmentTypes.CoverType(bytes)
            : AttachmentTypes.ContentType(name, bytes);
        if (type is null)
        {
            throw purpose == ContentFilePurpose.Cover
                ? new EditingException("cover-type", "A cover must be a JPEG, PNG, WebP or GIF image.", "file")
                : new EditingException("file-type", "This kind of file cannot be attached.", "file");
        }

        if (purpose == ContentFilePurpose.Attachment
            && await db.ContentFiles.CountAsync(f => f.ArticleId == article.Id && f.Purpose == ContentFilePurpose.Attachment, cancellationToken) >= settings.MaxAttachments)
        {
            throw new EditingException("too-many-attachments", $"An item has at most {settings.MaxAttachments} attachments.", "file");
        }

        var file = new ContentFile
        {
            ArticleId = article.Id,
            Purpose = purpose,
            FileName = name,
            ContentType = type,
            Length = bytes.Length,
            Bytes = bytes,
            UploadedById = by,
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ContentFiles.Add(file);
        if (purpose == ContentFilePurpose.Cover)
        {
            var previous = article.CoverImageId;
            article.SetCover(file.Id);
            if (await db.ContentFiles.SingleOrDefaultAsync(f => f.Id == previous && f.ArticleId == article.Id, cancellationToken) is { } replaced)
            {
                db.ContentFiles.Remove(replaced);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new UploadedFile(file.Id, purpose, name, type, file.Length);
    }

    /// <returns>The content, or null as soon as it passes the limit.</returns>
    private static async Task<byte[]?> ReadAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
