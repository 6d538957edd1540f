using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>HTTP callback housekeeping (§8.1): the events whose push failed every attempt.</summary>
internal static class CallbackEndpoints
{
    public static void Map(IEndpointRouteBuilder oapi) =>
        oapi.MapOapi(HttpMethods.Get, "/call_back/get_call_back_failed_result", Caller.App, FailedResult);

    /// <summary>
    /// At most 200 per call, oldest first. The call takes no cursor, so what it lists is handed over
    /// and the next call continues with the rest while <c>has_more</c> is true.
    /// </summary>
    private static OapiReply FailedResult(OapiCall call)
    {
        var (page, hasMore) = call.Simulator.Events.Failed.TakePage();
        var list = new JsonArray([.. page.Select(failed => (JsonNode)new JsonObject
        {
            ["call_back_tag"] = failed.Event.EventType,
            ["event_time"] = failed.Event.OccurredAt.ToUnixTimeMilliseconds(),
            [failed.Event.EventType] = JsonNode.Parse(failed.Payload),
        })]);
        return OapiReply.Ok(("has_more", hasMore), ("failed_list", list));
    }
}
