using Microsoft.Extensions.Logging;

namespace Portal.DingTalk.Stream;

/// <summary>The client's log lines. None of them takes the secret, the ticket or the connect URI.</summary>
internal static partial class StreamClientLog
{
    [LoggerMessage(1, LogLevel.Information, "Connected to DingTalk Stream at {Endpoint}")]
    public static partial void Connected(ILogger logger, string endpoint);

    [LoggerMessage(2, LogLevel.Information, "DingTalk Stream connection ended: {Reason}")]
    public static partial void ConnectionEnded(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "DingTalk Stream connection failed")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Error, "DingTalk Stream stopped: {Error}")]
    public static partial void CredentialsRejected(ILogger logger, string error);

    [LoggerMessage(5, LogLevel.Information, "Reconnecting to DingTalk Stream in {Delay}")]
    public static partial void Reconnecting(ILogger logger, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Warning, "Ignored an unreadable Stream frame")]
    public static partial void UnreadableFrame(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Information, "DingTalk Stream asked to reconnect: {Data}")]
    public static partial void DisconnectRequested(ILogger logger, string data);

    [LoggerMessage(8, LogLevel.Debug, "Acknowledged SYSTEM frame with topic {Topic}")]
    public static partial void OtherSystemFrame(ILogger logger, string? topic);

    [LoggerMessage(9, LogLevel.Warning, "Acknowledged unexpected {Type} frame on topic {Topic} without handling")]
    public static partial void UnexpectedFrame(ILogger logger, string type, string? topic);

    [LoggerMessage(10, LogLevel.Debug, "Stream event {MessageId} was already handled; acknowledging the redelivery")]
    public static partial void Duplicate(ILogger logger, string messageId);

    [LoggerMessage(11, LogLevel.Debug, "Could not acknowledge Stream event {MessageId}; the gateway will redeliver it")]
    public static partial void AckNotSent(ILogger logger, Exception exception, string? messageId);

    [LoggerMessage(12, LogLevel.Warning, "Stream event {MessageId} ({EventType}) has an unreadable body; acknowledged without handling")]
    public static partial void UnreadableEvent(ILogger logger, Exception exception, string? messageId, string? eventType);

    [LoggerMessage(13, LogLevel.Error, "{Handler} failed on Stream event {MessageId} ({EventType}); asking for redelivery")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string handler, string? messageId, string eventType);
}
