namespace Portal.Web.Features.Content.Editing.Files;

/// <summary>Configuration section <c>Content:Files</c>: how large covers and attachments may be.</summary>
public sealed class ContentFileOptions
{
    public const string SectionName = "Content:Files";

    /// <summary>Largest cover image, in bytes (2 MB).</summary>
    public long MaxCoverBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest attachment, in bytes (20 MB).</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most attachments on one item.</summary>
    public int MaxAttachments { get; set; } = 20;
}
