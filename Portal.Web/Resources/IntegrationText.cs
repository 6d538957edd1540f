namespace Portal.Web.Resources;

/// <summary>Text of the integration admin page. IntegrationText.resx is Chinese (the default), IntegrationText.en.resx English.</summary>
public sealed class IntegrationText;
