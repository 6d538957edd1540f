using System.Globalization;
using System.Text.Json.Nodes;
using Portal.DingTalk.Simulator.Http;

namespace Portal.DingTalk.Simulator.Events;

/// <summary>An event's body in each channel's shape (reference §8.3).</summary>
internal static class OrgEventPayloads
{
    /// <summary>The plaintext of an HTTP callback, before encryption.</summary>
    public static string Callback(SimulatedOrgEvent orgEvent, string corpId, CallbackPayloadStyle style)
    {
        var milliseconds = orgEvent.OccurredAt.ToUnixTimeMilliseconds();
        var body = style == CallbackPayloadStyle.Legacy
            ? new JsonObject
            {
                ["EventType"] = orgEvent.EventType,
                ["CorpId"] = corpId,
                ["TimeStamp"] = milliseconds.ToString(CultureInfo.InvariantCulture),
            }
            : new JsonObject
            {
                ["EventType"] = orgEvent.EventType,
                ["EventTime"] = milliseconds,
                ["CorpId"] = corpId,
                ["eventId"] = orgEvent.EventId,
            };
        var (users, departments) = style == CallbackPayloadStyle.Legacy ? ("UserId", "DeptId") : ("userId", "deptId");
        return WithIds(body, orgEvent, users, departments).ToJsonString(WireJson.Oapi);
    }

    /// <summary>The <c>data</c> of a Stream EVENT frame: ids and time only, the type travels in the headers.</summary>
    public static string StreamData(SimulatedOrgEvent orgEvent)
    {
        var body = new JsonObject();
        WithIds(body, orgEvent, "userId", "deptId");
        body["timeStamp"] = orgEvent.OccurredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return body.ToJsonString(WireJson.Oapi);
    }

    private static JsonObject WithIds(JsonObject body, SimulatedOrgEvent orgEvent, string users, string departments) => body
        .Optional(users, new JsonArray([.. orgEvent.UserIds.Select(id => (JsonNode)id)]))
        .Optional(departments, new JsonArray([.. orgEvent.DeptIds.Select(id => (JsonNode)id)]));
}
