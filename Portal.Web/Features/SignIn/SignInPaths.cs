namespace Portal.Web.Features.SignIn;

public static class SignInPaths
{
    public const string SignIn = "/signin";

    public static string Failed(SignInRefusal refusal) => $"{SignIn}?failed={refusal.Code()}";
}
