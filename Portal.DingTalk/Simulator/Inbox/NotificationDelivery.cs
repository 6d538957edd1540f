using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.Inbox;

/// <summary>Who a work notification is addressed to, and what it says (already checked).</summary>
internal sealed record NotificationRequest(
    long AgentId,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<long> DeptIds,
    bool ToAllUsers,
    string MsgType,
    JsonObject Message);

/// <summary>DingTalk's silent drops, as currently switched.</summary>
internal sealed record DeliveryRules(bool DropRepeated, int DailyPerUser);

/// <summary>
/// Delivers a work notification as DingTalk does: recipients resolved through the organisation
/// (departments with their sub-departments, everyone active for <c>to_all_user</c>), then each
/// one checked against the daily rules. A dropped recipient is reported in the send result's
/// forbidden list and never sees the message; the call itself still succeeds.
/// </summary>
internal static class NotificationDelivery
{
    public const string DailyCapCode = "143105";
    public const string RepeatedContentCode = "143106";

    private const int MaxStatusBarUserIds = 5;

    public static NotificationTask Send(Organisation org, Inboxes inboxes, NotificationRequest request, DeliveryRules rules, DateTimeOffset now)
    {
        var task = new NotificationTask
        {
            TaskId = inboxes.NewTaskId(),
            AgentId = request.AgentId,
            MsgType = request.MsgType,
            SentAt = now,
            StatusBarShown = request.MsgType == "oa" && !request.ToAllUsers && request.DeptIds.Count == 0 && request.UserIds.Count <= MaxStatusBarUserIds,
        };
        var shown = ShownMessage(request, task.StatusBarShown);
        var contentKey = Fingerprint(request.Message);
        var today = ChinaTime.Day(now);
        var delivered = false;
        foreach (var userId in Recipients(org, request, task))
        {
            var (received, repeats) = inboxes.ReceivedOn(userId, today, contentKey);
            if (rules.DropRepeated && repeats > 0)
            {
                task.Forbidden.Add(new ForbiddenDrop(userId, RepeatedContentCode, repeats));
                continue;
            }

            if (rules.DailyPerUser > 0 && received >= rules.DailyPerUser)
            {
                task.Forbidden.Add(new ForbiddenDrop(userId, DailyCapCode, received));
                continue;
            }

            // Only a copy showing an OA status bar changes later, so only that one keeps content of its own.
            inboxes.Deliver(userId, new InboxMessage
            {
                TaskId = task.TaskId,
                AgentId = request.AgentId,
                MsgType = request.MsgType,
                Message = task.StatusBarShown ? (JsonObject)shown.DeepClone() : null,
                ContentKey = contentKey,
                SentAt = now,
            });
            task.Delivered.Add(userId);
            delivered = true;
        }

        if (delivered && !task.StatusBarShown)
        {
            inboxes.Store(contentKey, (JsonObject)shown.DeepClone());
        }

        inboxes.Add(task, now);
        return task;
    }

    private static List<string> Recipients(Organisation org, NotificationRequest request, NotificationTask task)
    {
        var recipients = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var userId in request.UserIds.Distinct(StringComparer.Ordinal))
        {
            switch (org.User(userId))
            {
                case null:
                    task.InvalidUserIds.Add(userId);
                    break;
                case { Active: false }:
                    task.FailedUserIds.Add(userId);
                    break;
                default:
                    Add(userId);
                    break;
            }
        }

        var subtrees = new HashSet<long>();
        foreach (var deptId in request.DeptIds.Distinct())
        {
            if (org.Department(deptId) is null)
            {
                task.InvalidDeptIds.Add(deptId);
                continue;
            }

            subtrees.UnionWith(org.Subtree(deptId));
        }

        if (request.ToAllUsers || subtrees.Count > 0)
        {
            // One pass over the organisation, however many departments the call names.
            foreach (var person in org.Users.Where(u => u.Active && (request.ToAllUsers || u.DeptIds.Exists(subtrees.Contains))))
            {
                Add(person.UserId);
            }
        }

        return recipients;

        void Add(string userId)
        {
            if (seen.Add(userId))
            {
                recipients.Add(userId);
            }
        }
    }

    /// <summary>DingTalk shows an OA status bar only on a message to a few named people; elsewhere it is left out.</summary>
    private static JsonObject ShownMessage(NotificationRequest request, bool statusBarShown)
    {
        if (statusBarShown || request.Message["oa"] is not JsonObject oa || !oa.ContainsKey("status_bar"))
        {
            return request.Message;
        }

        var shown = (JsonObject)request.Message.DeepClone();
        ((JsonObject)shown["oa"]!).Remove("status_bar");
        return shown;
    }

    private static string Fingerprint(JsonObject message) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.ToJsonString())));
}
