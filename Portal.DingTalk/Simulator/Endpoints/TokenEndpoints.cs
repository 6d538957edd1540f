using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>App access tokens and JSAPI tickets on both hosts (§1, §3.1 of the reference).</summary>
internal static class TokenEndpoints
{
    public static void Map(IEndpointRouteBuilder oapi, IEndpointRouteBuilder api)
    {
        oapi.MapOapi(HttpMethods.Get, "/gettoken", Caller.Anonymous, GetToken);
        oapi.MapOapi(HttpMethods.Get, "/get_jsapi_ticket", Caller.App, GetJsapiTicket);
        api.MapApi(HttpMethods.Post, "/v1.0/oauth2/accessToken", Caller.Anonymous, needsBody: true, AccessToken);
        api.MapApi(HttpMethods.Post, "/v1.0/oauth2/{corpId}/token", Caller.Anonymous, needsBody: true, UnifiedToken);
        api.MapApi(HttpMethods.Post, "/v1.0/oauth2/jsapiTickets", Caller.App, needsBody: false, JsapiTicket);
    }

    private static OapiReply GetToken(OapiCall call)
    {
        var parameters = call.Parameters;
        if (!call.Simulator.IsAppCredential(parameters.Text("appkey"), parameters.Text("appsecret")))
        {
            return OapiReply.Error(40089, "不合法的appkey或appsecret");
        }

        var token = call.Simulator.Credentials.AppToken(call.Simulator.App.AppKey);
        return OapiReply.Ok(("access_token", token.Value), ("expires_in", token.SecondsLeft(call.Simulator.Now)));
    }

    private static OapiReply GetJsapiTicket(OapiCall call)
    {
        var ticket = call.Simulator.Credentials.JsapiTicket(call.AppKey);
        return OapiReply.Ok(("ticket", ticket.Value), ("expires_in", ticket.SecondsLeft(call.Simulator.Now)));
    }

    private static ApiReply AccessToken(ApiCall call)
    {
        if (!call.Simulator.IsAppCredential(call.Text("appKey"), call.Text("appSecret")))
        {
            return ApiReply.Error(StatusCodes.Status400BadRequest, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
        }

        var token = call.Simulator.Credentials.AppToken(call.Simulator.App.AppKey);
        return ApiReply.Ok(new { AccessToken = token.Value, ExpireIn = token.SecondsLeft(call.Simulator.Now) });
    }

    private static ApiReply UnifiedToken(ApiCall call)
    {
        if (call.Text("grant_type") != "client_credentials")
        {
            return ApiReply.Error(StatusCodes.Status400BadRequest, "unsupported.grant.type", "不支持的grant_type");
        }

        if (!string.Equals(call.Route("corpId"), call.Simulator.App.CorpId, StringComparison.Ordinal))
        {
            return ApiReply.Error(StatusCodes.Status401Unauthorized, "unauthorized.client", "应用未授权该组织");
        }

        if (!call.Simulator.IsAppCredential(call.Text("client_id"), call.Text("client_secret")))
        {
            return ApiReply.Error(StatusCodes.Status400BadRequest, "invalid.client", "无效的client_id或client_secret");
        }

        var token = call.Simulator.Credentials.AppToken(call.Simulator.App.AppKey);
        return ApiReply.Ok(new Dictionary<string, object>
        {
            ["access_token"] = token.Value,
            ["expires_in"] = token.SecondsLeft(call.Simulator.Now),
        });
    }

    private static ApiReply JsapiTicket(ApiCall call)
    {
        var ticket = call.Simulator.Credentials.JsapiTicket(call.Caller);
        return ApiReply.Ok(new { JsapiTicket = ticket.Value, ExpireIn = ticket.SecondsLeft(call.Simulator.Now) });
    }
}
