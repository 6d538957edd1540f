using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Inbox;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>
/// DING through the app's robot (reference §5): <c>/v1.0/robot/ding/send</c> and <c>/recall</c>.
/// The app's robot code is its AppKey, as for an enterprise-internal app's robot. Counts toward the monthly quota.
/// </summary>
internal static class DingEndpoints
{
    private const int MaxInAppReceivers = 200;
    private const int MaxSmsOrPhoneReceivers = 20;

    /// <summary>The <c>failedList</c> reason for receivers who are not (active) members; the error code DingTalk uses for them.</summary>
    private const string UnknownReceiver = "miss.staffId";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapApi(HttpMethods.Post, "/v1.0/robot/ding/send", Caller.App, needsBody: true, QuotaGate.Counted(Send));
        api.MapApi(HttpMethods.Post, "/v1.0/robot/ding/recall", Caller.App, needsBody: true, QuotaGate.Counted(Recall));
    }

    private static ApiReply Send(ApiCall call)
    {
        var robotCode = RobotCode(call);
        var remindType = call.Body["remindType"] is JsonValue type && type.TryGetValue<int>(out var value) && value is >= 1 and <= 3
            ? value
            : throw Invalid("remindType");
        var content = call.Text("content") is { Length: > 0 } text ? text : throw Invalid("content");
        var receivers = call.Body["receiverUserIdList"] is JsonArray list && list.Count > 0
            ? list.Select(item => item is JsonValue id && id.TryGetValue<string>(out var userId) ? userId : throw Invalid("receiverUserIdList")).Distinct(StringComparer.Ordinal).ToList()
            : throw Invalid("receiverUserIdList");
        var max = remindType == 1 ? MaxInAppReceivers : MaxSmsOrPhoneReceivers;
        if (call.Simulator.Faults.Current.EnforceLimits && receivers.Count > max)
        {
            throw new SimulatedError(StatusCodes.Status400BadRequest, "ding.receivercount.limit", "ding receiver count limit");
        }

        var openDingId = RandomIds.Token();
        var now = call.Simulator.Now;
        var failed = call.Simulator.State.Write((org, inboxes) =>
        {
            var unknown = receivers.Where(userId => org.User(userId) is not { Active: true }).ToList();
            if (unknown.Count == receivers.Count)
            {
                throw new SimulatedError(StatusCodes.Status400BadRequest, UnknownReceiver, $"miss.staffId {string.Join(',', unknown)}");
            }

            foreach (var userId in receivers.Except(unknown))
            {
                inboxes.Deliver(userId, new InboxDing { OpenDingId = openDingId, RobotCode = robotCode, RemindType = remindType, Content = content, SentAt = now });
            }

            return unknown;
        });
        var reply = new JsonObject { ["openDingId"] = openDingId };
        if (failed.Count > 0)
        {
            reply["failedList"] = new JsonObject { [UnknownReceiver] = new JsonArray([.. failed.Select(id => (JsonNode)id)]) };
        }

        return ApiReply.Ok(reply);
    }

    private static ApiReply Recall(ApiCall call)
    {
        var robotCode = RobotCode(call);
        var openDingId = call.Text("openDingId") is { Length: > 0 } id ? id : throw Invalid("openDingId");
        call.Simulator.State.Write((_, inboxes) =>
        {
            var copies = inboxes.DingCopies(openDingId).Where(d => d.RobotCode == robotCode).ToList();
            if (copies.Count == 0)
            {
                throw Invalid("openDingId");
            }

            copies.ForEach(copy => copy.Recalled = true);
            return copies.Count;
        });
        return ApiReply.Ok(new JsonObject());
    }

    private static string RobotCode(ApiCall call) =>
        call.Text("robotCode") is { } robotCode && robotCode == call.Simulator.App.AppKey
            ? robotCode
            : throw new SimulatedError(StatusCodes.Status400BadRequest, "invalid.chatbotId", $"invalid.chatbotId {call.Text("robotCode")}");

    private static SimulatedError Invalid(string field) =>
        new(StatusCodes.Status400BadRequest, "invalidParameter.param.invalid", $"参数不合法:{field}");
}
