namespace Portal.DingTalk.Simulator.Stream;

/// <summary>What happened to one send of an event frame.</summary>
public enum StreamDeliveryOutcome
{
    /// <summary>The client acked with status SUCCESS.</summary>
    Success,

    /// <summary>The client asked for redelivery (status LATER or a non-200 code).</summary>
    Later,

    /// <summary>No ack within <see cref="StreamGatewayOptions.AckTimeout"/>.</summary>
    NoAck,

    /// <summary>The connection ended before the ack arrived.</summary>
    ConnectionLost,

    /// <summary>The client had no open connection to send on.</summary>
    NoConnection,
}

public sealed record StreamDeliveryAttempt(string? ConnectionId, StreamDeliveryOutcome Outcome, DateTimeOffset At);

/// <summary>The sends of one event to one client (client id), in order.</summary>
public sealed record StreamClientDelivery(string ClientId, IReadOnlyList<StreamDeliveryAttempt> Attempts)
{
    public bool Acknowledged => Attempts.Any(attempt => attempt.Outcome == StreamDeliveryOutcome.Success);
}

/// <summary>The result of publishing one event to every connected client.</summary>
public sealed record StreamDeliveryReport(string MessageId, string EventId, IReadOnlyList<StreamClientDelivery> Clients)
{
    /// <summary>True when at least one client was connected and every client acked SUCCESS.</summary>
    public bool Acknowledged => Clients.Count > 0 && Clients.All(client => client.Acknowledged);
}

/// <summary>A ping sent to one connection and the data its ack carried back (<c>null</c> if none came).</summary>
public sealed record StreamPingReply(string ConnectionId, string SentData, string? ReplyData)
{
    public bool Echoed => string.Equals(SentData, ReplyData, StringComparison.Ordinal);
}

/// <summary>An open client connection.</summary>
public sealed record StreamConnectionInfo(string ConnectionId, string ClientId, string Ticket, DateTimeOffset OpenedAt);

public sealed class StreamConnectionEventArgs(StreamConnectionInfo connection) : EventArgs
{
    public StreamConnectionInfo Connection { get; } = connection;
}
