namespace Portal.DingTalk.Events;

/// <summary>A handler's answer to an event.</summary>
public enum EventAck
{
    /// <summary>Handled; DingTalk must not deliver it again.</summary>
    Success,

    /// <summary>Not handled now; DingTalk should deliver it again later.</summary>
    Later,
}
