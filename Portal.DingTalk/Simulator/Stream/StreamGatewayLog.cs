using Microsoft.Extensions.Logging;

namespace Portal.DingTalk.Simulator.Stream;

internal static partial class StreamGatewayLog
{
    [LoggerMessage(101, LogLevel.Information, "Stream gateway: client {ClientId} connected as {ConnectionId}")]
    public static partial void Connected(ILogger logger, string clientId, string connectionId);

    [LoggerMessage(102, LogLevel.Information, "Stream gateway: connection {ConnectionId} of client {ClientId} closed")]
    public static partial void Closed(ILogger logger, string connectionId, string clientId);

    [LoggerMessage(103, LogLevel.Warning, "Stream gateway: rejected credentials of client {ClientId}")]
    public static partial void CredentialsRejected(ILogger logger, string clientId);

    [LoggerMessage(104, LogLevel.Warning, "Stream gateway: refused a connection with an unknown, used or expired ticket")]
    public static partial void TicketRefused(ILogger logger);

    [LoggerMessage(105, LogLevel.Warning, "Stream gateway: gave up on event {MessageId} ({EventType}) for client {ClientId} after {Attempts} attempts")]
    public static partial void GaveUp(ILogger logger, string messageId, string eventType, string clientId, int attempts);
}
