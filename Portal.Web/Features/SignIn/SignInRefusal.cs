namespace Portal.Web.Features.SignIn;

/// <summary>Why a sign-in was refused; each has its own explanation on the sign-in page.</summary>
public enum SignInRefusal
{
    InvalidCode,
    NotInOrganisation,
    LeftCompany,
    AppNotAuthorized,
    DingTalkUnreachable,
}

public static class SignInRefusals
{
    public static string Code(this SignInRefusal refusal) => refusal switch
    {
        SignInRefusal.InvalidCode => "invalid-code",
        SignInRefusal.NotInOrganisation => "not-in-organisation",
        SignInRefusal.LeftCompany => "left-company",
        SignInRefusal.AppNotAuthorized => "app-not-authorized",
        _ => "dingtalk-unreachable",
    };

    public static int Status(this SignInRefusal refusal) => refusal switch
    {
        SignInRefusal.InvalidCode => StatusCodes.Status400BadRequest,
        SignInRefusal.DingTalkUnreachable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status403Forbidden,
    };
}
