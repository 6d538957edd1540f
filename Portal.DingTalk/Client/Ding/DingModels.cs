namespace Portal.DingTalk.Client.Ding;

/// <summary>How a DING reaches people; SMS and phone take at most 20 receivers.</summary>
public enum DingRemindType
{
    App = 1,
    Sms = 2,
    Phone = 3,
}

/// <summary>A DING from a robot (Professional/Exclusive editions only); at most 200 receivers (userIds).</summary>
public sealed record DingSendRequest(string RobotCode, DingRemindType RemindType, IReadOnlyList<string> ReceiverUserIdList, string Content)
{
    public string? CallVoice { get; init; }
}

/// <param name="FailedList">Receivers that were not reached, grouped by DingTalk's reason.</param>
public sealed record DingSendResult(string OpenDingId, IReadOnlyDictionary<string, IReadOnlyList<string>>? FailedList);
