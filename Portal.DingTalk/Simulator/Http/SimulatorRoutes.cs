using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.State;

namespace Portal.DingTalk.Simulator.Http;

/// <summary>
/// Maps one simulated endpoint with the gateway behaviour around it: outage and latency, method
/// check, authentication, storm / QPS / random errors, statistics, and the host's envelope.
/// </summary>
internal static class SimulatorRoutes
{
    private static readonly string[] AnyMethod = [HttpMethods.Get, HttpMethods.Post];

    public static void MapOapi(this IEndpointRouteBuilder oapi, string method, string path, Caller caller, Func<OapiCall, OapiReply> handler)
    {
        var endpoint = $"oapi {method} {path}";
        oapi.MapMethods(path, AnyMethod, async (HttpContext http, SimulatorRuntime simulator) =>
        {
            if (await FaultGate.EnterAsync(simulator, http.RequestAborted) is var outage && outage != OutageKind.None)
            {
                simulator.Stats.Record(endpoint, error: true);
                await WriteOutageAsync(http, outage, () => WriteGatewayPageAsync(http.Response));
                return;
            }

            OapiReply reply;
            try
            {
                reply = await HandleOapiAsync(http, simulator, endpoint, method, caller, handler);
            }
            catch (SimulatedError error)
            {
                reply = OapiReply.Error(error.ErrCode, error.Message);
            }

            simulator.Stats.Record(endpoint, reply.ErrCode != 0);
            await reply.WriteAsync(http.Response);
        });
    }

    public static void MapApi(this IEndpointRouteBuilder api, string method, string path, Caller caller, bool needsBody, Func<ApiCall, ApiReply> handler)
    {
        var endpoint = $"api {method} {path}";
        api.MapMethods(path, [method], async (HttpContext http, SimulatorRuntime simulator) =>
        {
            if (await FaultGate.EnterAsync(simulator, http.RequestAborted) is var outage && outage != OutageKind.None)
            {
                simulator.Stats.Record(endpoint, error: true);
                await WriteOutageAsync(http, outage, () => ApiReply.Error(StatusCodes.Status503ServiceUnavailable, "unknownError", "服务暂不可用").WriteAsync(http.Response));
                return;
            }

            ApiReply reply;
            try
            {
                reply = await HandleApiAsync(http, simulator, endpoint, caller, needsBody, handler);
            }
            catch (SimulatedError error)
            {
                reply = ApiReply.Error(error.Status, error.Code, error.Message);
            }

            simulator.Stats.Record(endpoint, reply.IsError);
            await reply.WriteAsync(http.Response);
        });
    }

    private static async Task<OapiReply> HandleOapiAsync(HttpContext http, SimulatorRuntime simulator, string endpoint, string method, Caller caller, Func<OapiCall, OapiReply> handler)
    {
        if (!HttpMethods.Equals(http.Request.Method, method))
        {
            return method == HttpMethods.Get ? OapiReply.Error(43001, "需要GET请求") : OapiReply.Error(43002, "需要POST请求");
        }

        var parameters = await OapiParameters.ReadAsync(http.Request, http.RequestAborted);
        var appKey = caller == Caller.App ? AuthenticateOapi(parameters.Text("access_token"), simulator) : parameters.Text("appkey") ?? "";
        return FaultGate.Check(simulator, appKey, endpoint) switch
        {
            Refusal.Throttled => OapiReply.Error(90018, "当前应用调用该接口的频率超过上限，请稍后再试"),
            Refusal.SystemBusy => OapiReply.Error(-1, "系统繁忙"),
            _ => handler(new OapiCall(parameters, appKey, simulator)),
        };
    }

    private static async Task<ApiReply> HandleApiAsync(HttpContext http, SimulatorRuntime simulator, string endpoint, Caller caller, bool needsBody, Func<ApiCall, ApiReply> handler)
    {
        var body = await ReadApiBodyAsync(http.Request, needsBody);
        var token = http.Request.Headers["x-acs-dingtalk-access-token"].ToString();
        var who = caller switch
        {
            Caller.App => AuthenticateApi(simulator.Credentials.CheckAppToken(token), token),
            Caller.User => AuthenticateApi(simulator.Credentials.CheckUserToken(token), token),
            _ => (body["appKey"] ?? body["clientId"] ?? body["client_id"])?.ToString() ?? "",
        };
        return FaultGate.Check(simulator, who, endpoint) switch
        {
            Refusal.Throttled => ApiReply.Error(StatusCodes.Status403Forbidden, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "应用调用该接口的频率超过限制"),
            Refusal.SystemBusy => ApiReply.Error(StatusCodes.Status500InternalServerError, "unknownError", "系统繁忙"),
            _ => handler(new ApiCall(http, body, who, simulator)),
        };
    }

    private static string AuthenticateOapi(string? token, SimulatorRuntime simulator)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new SimulatedError(41001, "缺少access_token参数");
        }

        return simulator.Credentials.CheckAppToken(token) switch
        {
            (LeaseCheck.Valid, { } appKey) => appKey,
            (LeaseCheck.Expired, _) => throw new SimulatedError(42001, "access_token超时"),
            _ => throw new SimulatedError(40014, "不合法的access_token"),
        };
    }

    private static string AuthenticateApi((LeaseCheck Check, string? Owner) check, string token) => check switch
    {
        _ when string.IsNullOrEmpty(token) => throw new SimulatedError(StatusCodes.Status400BadRequest, "InvalidAuthentication", "缺少access_token"),
        (LeaseCheck.Valid, { } owner) => owner,
        (LeaseCheck.Expired, _) => throw new SimulatedError(StatusCodes.Status400BadRequest, "InvalidAuthentication", "access_token已过期"),
        _ => throw new SimulatedError(StatusCodes.Status400BadRequest, "InvalidAuthentication", "不合法的access_token"),
    };

    private static async Task<JsonObject> ReadApiBodyAsync(HttpRequest request, bool needsBody)
    {
        var mandatory = new SimulatedError(StatusCodes.Status400BadRequest, "Missingbody", "body is mandatory for this action.");
        if (!request.HasJsonContentType() || request.ContentLength == 0)
        {
            return needsBody ? throw mandatory : [];
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw new SimulatedError(StatusCodes.Status400BadRequest, "InvalidParameter", "body must be a JSON object");
        }
        catch (JsonException)
        {
            throw new SimulatedError(StatusCodes.Status400BadRequest, "InvalidParameter", "body is not valid JSON");
        }
    }

    private static async Task WriteOutageAsync(HttpContext http, OutageKind outage, Func<Task> unavailable)
    {
        if (outage == OutageKind.ConnectionReset)
        {
            http.Abort();
            return;
        }

        await unavailable();
    }

    /// <summary>An unavailable oapi host answers with its load balancer's page, not a DingTalk envelope.</summary>
    private static async Task WriteGatewayPageAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.ContentType = "text/html";
        await response.WriteAsync("<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>");
    }
}
