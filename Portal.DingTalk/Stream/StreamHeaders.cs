namespace Portal.DingTalk.Stream;

/// <summary>Header names of Stream frames and acks.</summary>
public static class StreamHeaders
{
    public const string AppId = "appId";
    public const string ConnectionId = "connectionId";
    public const string ContentType = "contentType";
    public const string MessageId = "messageId";
    public const string Time = "time";
    public const string Topic = "topic";
    public const string EventId = "eventId";
    public const string EventBornTime = "eventBornTime";
    public const string EventCorpId = "eventCorpId";
    public const string EventType = "eventType";
    public const string EventUnifiedAppId = "eventUnifiedAppId";

    public const string JsonContentType = "application/json";
}
