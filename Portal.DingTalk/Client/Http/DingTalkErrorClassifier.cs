namespace Portal.DingTalk.Client.Http;

/// <summary>Maps DingTalk's codes (reference §1, §2, §4, §7) to what a caller can do about them.</summary>
internal static class DingTalkErrorClassifier
{
    private static readonly HashSet<string> OapiTokenCodes = ["40001", "40014", "41001", "42001"];

    private static readonly HashSet<string> OapiRateLimitCodes =
        ["90001", "90002", "90003", "90004", "90005", "90006", "90007", "90008", "90017", "90018"];

    private static readonly HashSet<string> OapiPermissionCodes = ["60011", "60020", "50004"];

    private static readonly HashSet<string> OapiBadRequestCodes =
    [
        "40035", "400002", "40078", "33012", "34014", "40009", "40048", "40056", "40103", "40104",
        "43001", "43002", "43004",
    ];

    public static DingTalkErrorKind ClassifyOapi(string errcode, string? subCode)
    {
        if (errcode == "-1")
        {
            return DingTalkErrorKind.Retryable;
        }

        if (OapiRateLimitCodes.Contains(errcode))
        {
            return DingTalkErrorKind.RateLimited;
        }

        if (errcode == "90020")
        {
            return DingTalkErrorKind.QuotaExhausted;
        }

        if (OapiTokenCodes.Contains(errcode) || errcode == "40089")
        {
            return DingTalkErrorKind.Auth;
        }

        if (errcode == "88")
        {
            return IsGatewayAuthSubCode(subCode) ? DingTalkErrorKind.Auth : DingTalkErrorKind.Unknown;
        }

        if (OapiPermissionCodes.Contains(errcode))
        {
            return DingTalkErrorKind.Permission;
        }

        // 60xxx are the contact API's "not found / already exists / invalid" family (reference §7).
        if (OapiBadRequestCodes.Contains(errcode) || (errcode.Length == 5 && errcode.StartsWith("60", StringComparison.Ordinal)))
        {
            return DingTalkErrorKind.BadRequest;
        }

        return DingTalkErrorKind.Unknown;
    }

    public static bool IsOapiTokenRejected(string errcode, string? subCode) =>
        OapiTokenCodes.Contains(errcode) || (errcode == "88" && IsGatewayAuthSubCode(subCode) && subCode != "40089");

    public static DingTalkErrorKind ClassifyApi(int httpStatus, string code)
    {
        if (IsApiTokenRejected(code)
            || code is "invalidClientIdOrSecret" or "invalid.client" or "unauthorized.client" or "authFailed"
            || httpStatus == 401)
        {
            return DingTalkErrorKind.Auth;
        }

        if (code.StartsWith("Forbidden.AccessDenied.QpsLimit", StringComparison.Ordinal)
            || code is "system.busy" or "systemBusy"
            || code.Contains("flowControl", StringComparison.OrdinalIgnoreCase)
            || httpStatus == 429)
        {
            return DingTalkErrorKind.RateLimited;
        }

        if (code == "Forbidden.AccessDenied.ApiCountLimitForOrg")
        {
            return DingTalkErrorKind.QuotaExhausted;
        }

        return httpStatus switch
        {
            403 => DingTalkErrorKind.Permission,
            500 or 502 or 503 or 504 => DingTalkErrorKind.Retryable,
            >= 400 and < 500 => DingTalkErrorKind.BadRequest,
            _ => DingTalkErrorKind.Unknown,
        };
    }

    /// <summary>Whether the api host refused the token; its HTTP status for an expired token is unverified, so only the code counts.</summary>
    public static bool IsApiTokenRejected(string code) => code == "InvalidAuthentication";

    /// <summary>A reply that is not DingTalk JSON: only the HTTP status says anything.</summary>
    public static DingTalkErrorKind ClassifyStatus(int httpStatus) => httpStatus switch
    {
        429 => DingTalkErrorKind.RateLimited,
        500 or 502 or 503 or 504 => DingTalkErrorKind.Retryable,
        401 => DingTalkErrorKind.Auth,
        _ => DingTalkErrorKind.Unknown,
    };

    // The TOP gateway answers 88 for auth failures and names the cause in sub_code; without one, auth is the documented meaning.
    private static bool IsGatewayAuthSubCode(string? subCode) =>
        string.IsNullOrEmpty(subCode)
        || OapiTokenCodes.Contains(subCode)
        || subCode == "40089"
        || subCode.Contains("token", StringComparison.OrdinalIgnoreCase)
        || subCode.Contains("auth", StringComparison.OrdinalIgnoreCase)
        || subCode.Contains("session", StringComparison.OrdinalIgnoreCase);
}
