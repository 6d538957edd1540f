namespace Portal.Web.Features.Content.Reading.Demo;

/// <summary>Configuration section <c>Content:Demo</c>.</summary>
public sealed class DemoContentOptions
{
    public const string SectionName = "Content:Demo";

    /// <summary>
    /// Publish a few demo news items and notices once the demo organisation is imported and there is no
    /// content yet. Only ever in Development with DingTalk in Simulator mode.
    /// </summary>
    public bool WhenEmpty { get; set; }
}
