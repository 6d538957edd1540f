namespace Portal.DingTalk.Stream;

/// <summary>The <c>topic</c> header of SYSTEM frames.</summary>
public static class StreamSystemTopics
{
    public const string Ping = "ping";
    public const string Disconnect = "disconnect";
}
