using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Messages;

/// <summary>Work notifications (工作通知) from the app's agent: <c>topapi/message/corpconversation/*</c> (reference §4).</summary>
public sealed class WorkNotificationClient
{
    private const string Base = "/topapi/message/corpconversation";

    private readonly AppTokenHttp http;
    private readonly IOptionsMonitor<DingTalkClientOptions> clientOptions;

    internal WorkNotificationClient(AppTokenHttp http, IOptionsMonitor<DingTalkClientOptions> clientOptions)
    {
        this.http = http;
        this.clientOptions = clientOptions;
    }

    /// <summary>Queues the notification; the answer is DingTalk's task id for the follow-up calls.</summary>
    public async Task<long> SendAsync(WorkNotification notification, CancellationToken cancellationToken)
    {
        Validate(notification);
        var body = new AsyncSendBody(AgentId(), notification.Message)
        {
            UserIds = notification.UserIds.Count > 0 ? notification.UserIds : null,
            DeptIds = notification.DeptIds.Count > 0 ? notification.DeptIds : null,
            ToAllUser = notification.ToAllUsers ? true : null,
        };
        var call = new DingTalkCall(DingTalkApiNames.MessageSend, DingTalkHost.Oapi, HttpMethod.Post, Base + "/asyncsend_v2") { Body = body };
        var reply = await http.SendAsync<TaskIdReply>(call, cancellationToken);
        return DingTalkReplies.Required(reply.TaskId, call.Api, "task_id");
    }

    public async Task<SendProgress> GetSendProgressAsync(long taskId, CancellationToken cancellationToken)
    {
        var call = new DingTalkCall(DingTalkApiNames.MessageSendProgress, DingTalkHost.Oapi, HttpMethod.Post, Base + "/getsendprogress")
        {
            Body = new TaskBody(AgentId(), taskId),
            ResultProperty = "progress",
        };
        return await http.SendAsync<SendProgress>(call, cancellationToken);
    }

    public async Task<SendResult> GetSendResultAsync(long taskId, CancellationToken cancellationToken)
    {
        var call = new DingTalkCall(DingTalkApiNames.MessageSendResult, DingTalkHost.Oapi, HttpMethod.Post, Base + "/getsendresult")
        {
            Body = new TaskBody(AgentId(), taskId),
            ResultProperty = "send_result",
        };
        return await http.SendAsync<SendResult>(call, cancellationToken);
    }

    /// <summary>Withdraws a notification sent within the last 24 h.</summary>
    public Task RecallAsync(long taskId, CancellationToken cancellationToken) =>
        http.SendAsync<OapiAck>(
            new DingTalkCall(DingTalkApiNames.MessageRecall, DingTalkHost.Oapi, HttpMethod.Post, Base + "/recall") { Body = new RecallBody(AgentId(), taskId) },
            cancellationToken);

    /// <summary>Changes the status bar of an OA message (within 7 days).</summary>
    public Task UpdateStatusBarAsync(long taskId, string statusValue, string? statusBackground, CancellationToken cancellationToken) =>
        http.SendAsync<OapiAck>(
            new DingTalkCall(DingTalkApiNames.MessageStatusBarUpdate, DingTalkHost.Oapi, HttpMethod.Post, Base + "/status_bar/update")
            {
                Body = new StatusBarBody(AgentId(), taskId, statusValue, statusBackground),
            },
            cancellationToken);

    private void Validate(WorkNotification notification)
    {
        var limits = clientOptions.CurrentValue;
        if (!notification.ToAllUsers && notification.UserIds.Count == 0 && notification.DeptIds.Count == 0)
        {
            throw new ArgumentException("A work notification needs user ids, department ids or ToAllUsers.", nameof(notification));
        }

        if (notification.UserIds.Count > limits.MaxNotificationUserIds)
        {
            throw new ArgumentException($"A work notification takes at most {limits.MaxNotificationUserIds} user ids; split the recipients.", nameof(notification));
        }

        if (notification.DeptIds.Count > limits.MaxNotificationDeptIds)
        {
            throw new ArgumentException($"A work notification takes at most {limits.MaxNotificationDeptIds} department ids; split the recipients.", nameof(notification));
        }
    }

    private long AgentId() =>
        long.TryParse(http.App.AgentId, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId)
            ? agentId
            : throw new InvalidOperationException("DingTalk:AgentId must be the app's numeric agentId to send work notifications.");

    private sealed record AsyncSendBody(
        [property: JsonPropertyName("agent_id")] long AgentId,
        [property: JsonPropertyName("msg")] WorkMessage Message)
    {
        [JsonPropertyName("userid_list")]
        [JsonConverter(typeof(CommaSeparatedStringsConverter))]
        public IReadOnlyList<string>? UserIds { get; init; }

        [JsonPropertyName("dept_id_list")]
        [JsonConverter(typeof(CommaSeparatedNumbersConverter))]
        public IReadOnlyList<long>? DeptIds { get; init; }

        [JsonPropertyName("to_all_user")]
        public bool? ToAllUser { get; init; }
    }

    private sealed record TaskBody(
        [property: JsonPropertyName("agent_id")] long AgentId,
        [property: JsonPropertyName("task_id")] long TaskId);

    private sealed record RecallBody(
        [property: JsonPropertyName("agent_id")] long AgentId,
        [property: JsonPropertyName("msg_task_id")] long MessageTaskId);

    private sealed record StatusBarBody(
        [property: JsonPropertyName("agent_id")] long AgentId,
        [property: JsonPropertyName("task_id")] long TaskId,
        [property: JsonPropertyName("status_value")] string StatusValue,
        [property: JsonPropertyName("status_bg")] string? StatusBackground);

    private sealed record TaskIdReply([property: JsonPropertyName("task_id")] long? TaskId);
}
