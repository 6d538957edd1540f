namespace Portal.Web.Resources;

/// <summary>Text of the sign-in page. SignInText.resx is Chinese (the default), SignInText.en.resx English.</summary>
public sealed class SignInText;
