namespace Portal.DingTalk.Simulator.Events;

/// <summary>The body shapes DingTalk has used for org event callbacks (reference §8.3).</summary>
public enum CallbackPayloadStyle
{
    /// <summary><c>{"EventType","EventTime","CorpId","eventId","userId"/"deptId":[…]}</c>, as documented today.</summary>
    Current,

    /// <summary><c>{"EventType","CorpId","UserId"/"DeptId":[…],"TimeStamp"}</c>, as captured from older subscriptions.</summary>
    Legacy,
}
