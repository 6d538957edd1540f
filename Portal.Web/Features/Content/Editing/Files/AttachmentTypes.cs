namespace Portal.Web.Features.Content.Editing.Files;

/// <summary>
/// The attachments people may share: PDF, Office documents, zip archives, plain text and images. The
/// extension picks the entry and the content must carry that entry's signature.
/// </summary>
public static class AttachmentTypes
{
    private static readonly Dictionary<string, (string Signature, string ContentType)> ByExtension = new(StringComparer.Ordinal)
    {
        [".pdf"] = (FileSignatures.Pdf, "application/pdf"),
        [".doc"] = (FileSignatures.Ole, "application/msword"),
        [".xls"] = (FileSignatures.Ole, "application/vnd.ms-excel"),
        [".ppt"] = (FileSignatures.Ole, "application/vnd.ms-powerpoint"),
        [".docx"] = (FileSignatures.Zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = (FileSignatures.Zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".pptx"] = (FileSignatures.Zip, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".zip"] = (FileSignatures.Zip, "application/zip"),
        [".txt"] = (FileSignatures.Text, "text/plain"),
        [".csv"] = (FileSignatures.Text, "text/csv"),
    };

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.Ordinal) { ".jpg", ".jpeg", ".png", ".gif", ".webp" };

    /// <summary>For the file picker: every extension accepted.</summary>
    public static string Accept => string.Join(',', ByExtension.Keys.Concat(ImageExtensions));

    /// <returns>The content type to store and serve, or null when the file is not allowed.</returns>
    public static string? ContentType(string fileName, ReadOnlySpan<byte> bytes)
    {
        var extension = FileNames.Extension(fileName);
        var detected = FileSignatures.Detect(bytes);
        if (detected is null)
        {
            return null;
        }

        if (ImageExtensions.Contains(extension))
        {
            return FileSignatures.Images.Contains(detected) ? detected : null;
        }

        return ByExtension.TryGetValue(extension, out var allowed) && allowed.Signature == detected ? allowed.ContentType : null;
    }

    /// <returns>The image type of a cover, or null when the bytes are not a JPEG, PNG, WebP or GIF.</returns>
    public static string? CoverType(ReadOnlySpan<byte> bytes) =>
        FileSignatures.Detect(bytes) is { } detected && FileSignatures.Images.Contains(detected) ? detected : null;
}
