namespace Portal.Web.Resources;

/// <summary>Text of the admin pages. AdminText.resx is Chinese (the default), AdminText.en.resx English.</summary>
public sealed class AdminText;
