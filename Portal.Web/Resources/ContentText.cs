namespace Portal.Web.Resources;

/// <summary>Text of the news and notice editor. ContentText.resx is Chinese (the default), ContentText.en.resx English.</summary>
public sealed class ContentText;
