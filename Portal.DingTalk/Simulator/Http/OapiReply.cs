using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Portal.DingTalk.Simulator.Http;

/// <summary>The oapi envelope: always HTTP 200, <c>errcode</c>/<c>errmsg</c>, the call's fields, and a <c>request_id</c>.</summary>
internal sealed class OapiReply
{
    public const string OkMessage = "ok";

    private readonly (string Name, JsonNode? Value)[] fields;

    private OapiReply(int errCode, string errMsg, (string Name, JsonNode? Value)[] fields)
    {
        ErrCode = errCode;
        ErrMsg = errMsg;
        this.fields = fields;
    }

    public int ErrCode { get; }

    public string ErrMsg { get; }

    public static OapiReply Ok(params (string Name, JsonNode? Value)[] fields) => new(0, OkMessage, fields);

    /// <summary>The <c>topapi</c> shape: the data under <c>result</c>.</summary>
    public static OapiReply Result(JsonNode result) => Ok(("result", result));

    public static OapiReply Error(int errCode, string errMsg) => new(errCode, errMsg, []);

    public async Task WriteAsync(HttpResponse response)
    {
        var body = new JsonObject { ["errcode"] = ErrCode, ["errmsg"] = ErrMsg };
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        body["request_id"] = RandomIds.OapiRequestId();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json;charset=utf-8";
        await response.WriteAsync(body.ToJsonString(WireJson.Oapi));
    }
}
