namespace Portal.Web.Features.SignIn;

/// <summary>Configuration section <c>SignIn</c>.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>DingTalk's browser login page (in Simulator mode the simulator's own is used).</summary>
    public string OAuthLoginUrl { get; set; } = "https://login.dingtalk.com/oauth2/auth";

    /// <summary>How often a session re-checks that its person is still active (seconds).</summary>
    public int RevalidateSeconds { get; set; } = 30;

    /// <summary>Session length in days (sliding).</summary>
    public int SessionDays { get; set; } = 14;

    /// <summary>Sign-in code exchanges per minute per client address (many people may share an office's address).</summary>
    public int CodeRequestsPerMinute { get; set; } = 300;

    /// <summary>
    /// How long the page waits for DingTalk's client to answer its request for a sign-in code: a browser
    /// that only calls itself DingTalk (no JSAPI bridge) never answers.
    /// </summary>
    public int BridgeTimeoutSeconds { get; set; } = 10;

    /// <summary>Codes DingTalk refuses per minute from one client address before that address is refused for the rest of the minute.</summary>
    public int FailedCodesPerMinute { get; set; } = 10;
}
