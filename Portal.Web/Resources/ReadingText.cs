namespace Portal.Web.Resources;

/// <summary>Text of the home feed, item and reach pages. ReadingText.resx is Chinese (the default), ReadingText.en.resx English.</summary>
public sealed class ReadingText;
