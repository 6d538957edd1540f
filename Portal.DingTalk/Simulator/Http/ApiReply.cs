using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.DingTalk.Simulator.Http;

/// <summary>
/// The api.dingtalk.com envelope: a bare camelCase object on success; on failure HTTP 4xx/5xx with
/// <c>{code, requestid, message}</c>. Both carry the <c>x-acs-*</c> headers.
/// </summary>
internal sealed class ApiReply
{
    private readonly object? body;

    private ApiReply(int status, object? body, string? code, string? message)
    {
        Status = status;
        this.body = body;
        Code = code;
        Message = message;
    }

    public int Status { get; }

    public string? Code { get; }

    public string? Message { get; }

    public bool IsError => Status >= StatusCodes.Status400BadRequest;

    public static ApiReply Ok(object body) => new(StatusCodes.Status200OK, body, null, null);

    public static ApiReply Error(int status, string code, string message) => new(status, null, code, message);

    public async Task WriteAsync(HttpResponse response)
    {
        var requestId = RandomIds.ApiRequestId();
        response.Headers["x-acs-request-id"] = requestId;
        response.Headers["x-acs-trace-id"] = RandomIds.TraceId();
        response.Headers.Server = "DingTalk/1.0.0";
        response.StatusCode = Status;
        response.ContentType = "application/json;charset=utf-8";
        var json = IsError
            ? new JsonObject { ["code"] = Code, ["requestid"] = requestId, ["message"] = Message }.ToJsonString(WireJson.Api)
            : JsonSerializer.Serialize(body, WireJson.Api);
        await response.WriteAsync(json);
    }
}
