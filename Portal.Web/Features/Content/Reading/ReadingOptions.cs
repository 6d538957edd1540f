namespace Portal.Web.Features.Content.Reading;

/// <summary>Configuration section <c>Content:Reading</c>.</summary>
public sealed class ReadingOptions
{
    public const string SectionName = "Content:Reading";

    /// <summary>
    /// Seconds an instance keeps its list of published items before reading it again: what is published,
    /// revised or withdrawn on this instance shows on its home pages at once, on another instance's
    /// within this time. An item past its expiry leaves every list at once.
    /// </summary>
    public int LiveItemsSeconds { get; set; } = 10;
}
