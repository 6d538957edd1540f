namespace Portal.Web.Features.Content.Editing.Files;

/// <summary>
/// What a file is, told by its first bytes, never by its name or by the content type the browser claims:
/// both are whatever the uploader chose.
/// </summary>
public static class FileSignatures
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";
    public const string Zip = "application/zip";
    public const string Ole = "application/x-ole-storage";
    public const string Text = "text/plain";

    public static readonly IReadOnlySet<string> Images = new HashSet<string>(StringComparer.Ordinal) { Jpeg, Png, Gif, WebP };

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <returns>The recognised type, or null for anything else (executables, scripts, unknown binaries).</returns>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (bytes.StartsWith(PngMagic))
        {
            return Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]))
        {
            return Zip;
        }

        if (bytes.StartsWith(OleMagic))
        {
            return Ole;
        }

        return IsText(bytes) ? Text : null;
    }

    /// <summary>
    /// Plain text has no NUL and no control characters besides tab, line breaks and form feed; the encoding
    /// is not checked, since Chinese text files come in UTF-8 and GB18030 alike.
    /// </summary>
    private static bool IsText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) || b == 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
