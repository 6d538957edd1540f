namespace Portal.Web.Features.SignIn;

public static class SignInPaths
{
    public const string SignIn = "/signin";

    public static string Failed(SignInRefusal refusal) => $"{SignIn}?failed={refusal.Code()}";

    /// <summary>Only local paths come back from a sign-in; anything else goes home.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Contains('|', StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
