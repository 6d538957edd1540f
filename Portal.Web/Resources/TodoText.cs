namespace Portal.Web.Resources;

/// <summary>Text of the to-do list, detail and one-tap pages. TodoText.resx is Chinese (the default), TodoText.en.resx English.</summary>
public sealed class TodoText;
