namespace Portal.Web.Features.DingTalkEvents;

/// <summary>Configuration section <c>DingTalk:Stream</c>, the part the host reads (the client reads the rest).</summary>
public sealed class StreamHostingOptions
{
    public const string SectionName = "DingTalk:Stream";

    /// <summary>Receive org events over DingTalk's Stream mode (a WebSocket the portal opens).</summary>
    public bool Enabled { get; set; }
}
