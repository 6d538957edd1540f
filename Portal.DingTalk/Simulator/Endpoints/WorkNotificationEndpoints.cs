using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Inbox;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>Work notifications (reference §4): send, progress, result, recall and the OA status bar. All count toward the monthly quota.</summary>
internal static class WorkNotificationEndpoints
{
    private const string Base = "/topapi/message/corpconversation";
    private const int MaxUserIds = 100;
    private const int MaxDeptIds = 20;

    /// <summary>Read state is tracked per person only for tasks of at most this many recipients.</summary>
    private const int MaxTrackedRecipients = 100;

    private static readonly TimeSpan QueryWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan StatusBarWindow = TimeSpan.FromDays(7);

    public static void Map(IEndpointRouteBuilder oapi)
    {
        oapi.MapOapi(HttpMethods.Post, Base + "/asyncsend_v2", Caller.App, QuotaGate.Counted(Send));
        oapi.MapOapi(HttpMethods.Post, Base + "/getsendprogress", Caller.App, QuotaGate.Counted(Progress));
        oapi.MapOapi(HttpMethods.Post, Base + "/getsendresult", Caller.App, QuotaGate.Counted(Result));
        oapi.MapOapi(HttpMethods.Post, Base + "/recall", Caller.App, QuotaGate.Counted(Recall));
        oapi.MapOapi(HttpMethods.Post, Base + "/status_bar/update", Caller.App, QuotaGate.Counted(UpdateStatusBar));
    }

    private static OapiReply Send(OapiCall call)
    {
        var parameters = call.Parameters;
        var agentId = AgentId(call);
        var userIds = parameters.List("userid_list") ?? [];
        var deptIds = parameters.NumberList("dept_id_list") ?? [];
        var toAll = parameters.Flag("to_all_user") ?? false;
        if (!toAll && userIds.Count == 0 && deptIds.Count == 0)
        {
            throw OapiParameters.Missing("userid_list");
        }

        var faults = call.Simulator.Faults.Current;
        if (faults.EnforceLimits && userIds.Count > MaxUserIds)
        {
            throw new SimulatedError(40035, $"不合法的参数:userid_list 最多{MaxUserIds}个");
        }

        if (faults.EnforceLimits && deptIds.Count > MaxDeptIds)
        {
            throw new SimulatedError(40035, $"不合法的参数:dept_id_list 最多{MaxDeptIds}个");
        }

        var message = WorkMessageShape.Read(parameters.Raw("msg"), faults.EnforceLimits);
        var request = new NotificationRequest(agentId, userIds, deptIds, toAll, message.Type, message.Message);
        var rules = new DeliveryRules(faults.DropRepeatedMessages, faults.DailyMessagesPerUser);
        var now = call.Simulator.Now;
        var task = call.Simulator.State.Write((org, inboxes) => NotificationDelivery.Send(org, inboxes, request, rules, now));
        return OapiReply.Ok(("task_id", task.TaskId));
    }

    private static OapiReply Progress(OapiCall call)
    {
        var (agentId, taskId) = (AgentId(call), call.RequiredNumber("task_id"));
        call.Simulator.State.Read((_, inboxes) => Existing(inboxes, agentId, taskId, call.Simulator.Now, QueryWindow));

        // Delivery is immediate here, so every task the caller can still ask about is done.
        return OapiReply.Ok(("progress", new JsonObject { ["progress_in_percent"] = 100, ["status"] = 2 }));
    }

    private static OapiReply Result(OapiCall call)
    {
        var (agentId, taskId) = (AgentId(call), call.RequiredNumber("task_id"));
        var result = call.Simulator.State.Read((_, inboxes) =>
        {
            var task = Existing(inboxes, agentId, taskId, call.Simulator.Now, QueryWindow);
            var copies = task.Delivered.Count <= MaxTrackedRecipients ? inboxes.CopiesOf(task).ToList() : [];
            return new JsonObject()
                .Optional("invalid_user_id_list", Strings(task.InvalidUserIds))
                .Optional("forbidden_user_id_list", Strings(task.Forbidden.Select(f => f.UserId)))
                .Optional("failed_user_id_list", Strings(task.FailedUserIds))
                .Optional("read_user_id_list", Strings(copies.Where(c => c.Message.Read).Select(c => c.UserId)))
                .Optional("unread_user_id_list", Strings(copies.Where(c => !c.Message.Read).Select(c => c.UserId)))
                .Optional("invalid_dept_id_list", new JsonArray([.. task.InvalidDeptIds.Select(id => (JsonNode)id)]))
                .Optional("forbidden_list", new JsonArray([.. task.Forbidden.Select(f => (JsonNode)new JsonObject { ["code"] = f.Code, ["count"] = f.Count, ["userid"] = f.UserId })]));
        });
        return OapiReply.Ok(("send_result", result));
    }

    private static OapiReply Recall(OapiCall call)
    {
        var (agentId, taskId) = (AgentId(call), call.RequiredNumber("msg_task_id"));
        call.Simulator.State.Write((_, inboxes) =>
        {
            var task = Existing(inboxes, agentId, taskId, call.Simulator.Now, QueryWindow);
            task.Recalled = true;
            foreach (var (_, copy) in inboxes.CopiesOf(task))
            {
                copy.Recalled = true;
            }

            return task;
        });
        return OapiReply.Ok();
    }

    private static OapiReply UpdateStatusBar(OapiCall call)
    {
        var (agentId, taskId) = (AgentId(call), call.RequiredNumber("task_id"));
        var statusBar = new JsonObject { ["status_value"] = call.RequiredText("status_value") }
            .Optional("status_bg", call.Parameters.Text("status_bg"));
        call.Simulator.State.Write((_, inboxes) =>
        {
            var task = Existing(inboxes, agentId, taskId, call.Simulator.Now, StatusBarWindow);
            if (!task.StatusBarShown)
            {
                throw new SimulatedError(40035, "不合法的参数:task_id (不是展示状态栏的OA消息)");
            }

            foreach (var (_, copy) in inboxes.CopiesOf(task))
            {
                // Copies showing a status bar carry their own content (see NotificationDelivery).
                copy.Message?["oa"]?.AsObject()["status_bar"] = statusBar.DeepClone();
            }

            return task;
        });
        return OapiReply.Ok();
    }

    private static long AgentId(OapiCall call)
    {
        var agentId = call.RequiredNumber("agent_id");
        return agentId.ToString(CultureInfo.InvariantCulture) == call.Simulator.App.AgentId
            ? agentId
            : throw new SimulatedError(40056, "不合法的agentId");
    }

    private static NotificationTask Existing(Inboxes inboxes, long agentId, long taskId, DateTimeOffset now, TimeSpan window) =>
        inboxes.Task(taskId) switch
        {
            { } task when task.AgentId == agentId && now - task.SentAt <= window => task,
            { } task when task.AgentId == agentId => throw new SimulatedError(40035, $"不合法的参数:task_id (已超过{window.TotalHours:0}小时)"),
            _ => throw new SimulatedError(40035, "不合法的参数:task_id"),
        };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
