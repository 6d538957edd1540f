using Portal.DingTalk;

namespace Portal.Web.Features.SignIn;

/// <summary>Configuration section <c>SignIn</c>.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>DingTalk's browser login page; in Simulator mode the simulator's own.</summary>
    public string OAuthLoginUrl { get; set; } = "https://login.dingtalk.com/oauth2/auth";

    /// <summary>How often a session re-checks that its person is still active (seconds).</summary>
    public int RevalidateSeconds { get; set; } = 30;

    /// <summary>Session length in days (sliding).</summary>
    public int SessionDays { get; set; } = 14;

    public string LoginUrl(DingTalkOptions dingTalk, HttpRequest request) =>
        dingTalk.Mode == DingTalkMode.Simulator ? $"{request.Scheme}://{request.Host}/_dingtalk/login/oauth2/auth" : OAuthLoginUrl;
}
