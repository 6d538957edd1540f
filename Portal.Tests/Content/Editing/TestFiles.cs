namespace Portal.Tests.Content.Editing;

/// <summary>Small files with real signatures, and impostors.</summary>
public static class TestFiles
{
    /// <summary>A 1×1 transparent PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>The start of a Windows executable (MZ header, then the DOS stub's NULs).</summary>
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[256]];

    /// <summary>A PNG signature followed by padding up to <paramref name="length"/> bytes.</summary>
    public static byte[] PngOfLength(int length)
    {
        var bytes = new byte[length];
        Png.AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }
}
