using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Http;

namespace Portal.Tests.DingTalk.Client;

/// <summary>The code tables of reference §1 (and the contact and identity codes of §2, §7).</summary>
public sealed class ErrorClassificationTests
{
    public static TheoryData<string, string?, DingTalkErrorKind> OapiCodes => new()
    {
        { "-1", null, DingTalkErrorKind.Retryable },
        { "90018", null, DingTalkErrorKind.RateLimited },
        { "90002", null, DingTalkErrorKind.RateLimited },
        { "90001", null, DingTalkErrorKind.RateLimited },
        { "90003", null, DingTalkErrorKind.RateLimited },
        { "90006", null, DingTalkErrorKind.RateLimited },
        { "90008", null, DingTalkErrorKind.RateLimited },
        { "90017", null, DingTalkErrorKind.RateLimited },
        { "90020", null, DingTalkErrorKind.QuotaExhausted },
        { "40014", null, DingTalkErrorKind.Auth },
        { "40001", null, DingTalkErrorKind.Auth },
        { "41001", null, DingTalkErrorKind.Auth },
        { "42001", null, DingTalkErrorKind.Auth },
        { "40089", null, DingTalkErrorKind.Auth },
        { "88", "40014", DingTalkErrorKind.Auth },
        { "88", null, DingTalkErrorKind.Auth },
        { "88", "isv.something-else", DingTalkErrorKind.Unknown },
        { "60011", null, DingTalkErrorKind.Permission },
        { "60020", null, DingTalkErrorKind.Permission },
        { "40035", null, DingTalkErrorKind.BadRequest },
        { "400002", null, DingTalkErrorKind.BadRequest },
        { "40078", null, DingTalkErrorKind.BadRequest },
        { "33012", null, DingTalkErrorKind.BadRequest },
        { "60003", null, DingTalkErrorKind.BadRequest },
        { "60121", null, DingTalkErrorKind.BadRequest },
        { "60104", null, DingTalkErrorKind.BadRequest },
        { "12345", null, DingTalkErrorKind.Unknown },
    };

    public static TheoryData<int, string, DingTalkErrorKind> ApiCodes => new()
    {
        { 500, "unknownError", DingTalkErrorKind.Retryable },
        { 503, "unknownError", DingTalkErrorKind.Retryable },
        { 504, "service.timeout", DingTalkErrorKind.Retryable },
        { 429, "system.busy", DingTalkErrorKind.RateLimited },
        { 429, "systemBusy", DingTalkErrorKind.RateLimited },
        { 403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", DingTalkErrorKind.RateLimited },
        { 403, "Forbidden.AccessDenied.QpsLimitForApi", DingTalkErrorKind.RateLimited },
        { 400, "todo.taskCreate.flowControlError", DingTalkErrorKind.RateLimited },
        { 403, "Forbidden.AccessDenied.ApiCountLimitForOrg", DingTalkErrorKind.QuotaExhausted },
        { 400, "InvalidAuthentication", DingTalkErrorKind.Auth },
        { 401, "InvalidAuthentication", DingTalkErrorKind.Auth },
        { 400, "invalidClientIdOrSecret", DingTalkErrorKind.Auth },
        { 401, "unauthorized.client", DingTalkErrorKind.Auth },
        { 403, "Forbidden.AccessDenied.AccessTokenPermissionDenied", DingTalkErrorKind.Permission },
        { 403, "Forbidden.AccessDenied.IpNotInWhiteList", DingTalkErrorKind.Permission },
        { 400, "invalidParameter.userId.invalid", DingTalkErrorKind.BadRequest },
        { 404, "invalidParameter.user.notFound", DingTalkErrorKind.BadRequest },
        { 400, "todo.taskCreate.paramError", DingTalkErrorKind.BadRequest },
        { 302, "odd", DingTalkErrorKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(OapiCodes))]
    public void Oapi_errcodes_are_classified(string errcode, string? subCode, DingTalkErrorKind expected) =>
        Assert.Equal(expected, DingTalkErrorClassifier.ClassifyOapi(errcode, subCode));

    [Theory]
    [MemberData(nameof(ApiCodes))]
    public void Api_codes_are_classified(int status, string code, DingTalkErrorKind expected) =>
        Assert.Equal(expected, DingTalkErrorClassifier.ClassifyApi(status, code));

    [Theory]
    [InlineData("40014", null, true)]
    [InlineData("40001", null, true)]
    [InlineData("41001", null, true)]
    [InlineData("42001", null, true)]
    [InlineData("88", "40014", true)]
    [InlineData("40089", null, false)]
    [InlineData("60011", null, false)]
    public void Only_token_codes_ask_for_a_fresh_token(string errcode, string? subCode, bool expected) =>
        Assert.Equal(expected, DingTalkErrorClassifier.IsOapiTokenRejected(errcode, subCode));
}
