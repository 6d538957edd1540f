using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Org;
using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>The body of <c>GET /v1.0/contact/users/me</c>; null fields are left out.</summary>
internal sealed record UserMe(string Nick, string? AvatarUrl, string Mobile, string OpenId, string UnionId, string? Email, string StateCode);

/// <summary>Sign-in: SSO code exchange, unionId lookup, OAuth2 user tokens and the signed-in person (§2).</summary>
internal static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder oapi, IEndpointRouteBuilder api)
    {
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/user/getuserinfo", Caller.App, GetUserInfo);
        oapi.MapOapi(HttpMethods.Post, "/topapi/user/getbyunionid", Caller.App, GetByUnionId);
        api.MapApi(HttpMethods.Post, "/v1.0/oauth2/userAccessToken", Caller.Anonymous, needsBody: true, UserAccessToken);
        api.MapApi(HttpMethods.Get, "/v1.0/contact/users/me", Caller.User, needsBody: false, Me);
    }

    private static OapiReply GetUserInfo(OapiCall call)
    {
        var code = call.Simulator.Credentials.RedeemAuthCode(call.Parameters.Text("code") ?? "", AuthCodeKind.Sso)
            ?? throw new SimulatedError(40078, "不存在的临时授权码");
        var result = call.Simulator.State.Read(org => org.User(code.Owner) is { } user
            ? new JsonObject
            {
                ["userid"] = user.UserId,
                ["unionid"] = user.UnionId,
                ["name"] = user.Name,
                ["device_id"] = code.Detail,
                ["sys"] = user.IsAdmin,
                ["sys_level"] = user.SysLevel,
            }
            : null);
        return OapiReply.Result(result ?? throw new SimulatedError(60121, "找不到该用户"));
    }

    private static OapiReply GetByUnionId(OapiCall call)
    {
        var unionId = call.RequiredText("unionid");
        var user = call.Simulator.State.Read(org => org.UserByUnionId(unionId)) ?? throw new SimulatedError(60121, "找不到该用户");
        return OapiReply.Result(new JsonObject { ["contact_type"] = 0, ["userid"] = user.UserId });
    }

    private static ApiReply UserAccessToken(ApiCall call)
    {
        var simulator = call.Simulator;
        if (!simulator.IsAppCredential(call.Text("clientId"), call.Text("clientSecret")))
        {
            return ApiReply.Error(StatusCodes.Status400BadRequest, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
        }

        var userId = call.Text("grantType") switch
        {
            "authorization_code" => simulator.Credentials.RedeemAuthCode(call.Text("code") ?? "", AuthCodeKind.OAuth)?.Owner
                ?? throw new SimulatedError(StatusCodes.Status400BadRequest, "invalidAuthCode", "不合法的临时授权码"),
            "refresh_token" => simulator.Credentials.RedeemRefreshToken(call.Text("refreshToken") ?? "")
                ?? throw new SimulatedError(StatusCodes.Status400BadRequest, "invalidRefreshToken", "不合法的refreshToken"),
            _ => throw new SimulatedError(StatusCodes.Status400BadRequest, "invalidParameter.grantType", "不支持的grantType"),
        };
        var (access, refresh) = simulator.Credentials.IssueUserToken(userId);
        return ApiReply.Ok(new
        {
            AccessToken = access.Value,
            RefreshToken = refresh.Value,
            ExpireIn = access.SecondsLeft(simulator.Now),
            CorpId = simulator.App.CorpId,
        });
    }

    private static ApiReply Me(ApiCall call)
    {
        var appKey = call.Simulator.App.AppKey;
        var me = call.Simulator.State.Read(org => org.User(call.Caller) is { } user
            ? new UserMe(user.Name, NullIfEmpty(user.Avatar), user.Mobile, OpenId(appKey, user), user.UnionId, NullIfEmpty(user.Email), user.StateCode)
            : null);
        return me is null
            ? ApiReply.Error(StatusCodes.Status404NotFound, "invalidParameter.user.notFound", "用户不存在")
            : ApiReply.Ok(me);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>DingTalk's openId is per app and person; a hash of both keeps it stable without storing it.</summary>
    private static string OpenId(string appKey, SimUser user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{appKey}:{user.UnionId}")))[..28];
}
