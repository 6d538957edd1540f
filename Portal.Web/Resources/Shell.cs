using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace Portal.Web.Resources;

/// <summary>Text of the portal's shell. Shell.resx is Chinese (the default), Shell.en.resx English.</summary>
public sealed class Shell;
