using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Stream;

namespace Portal.DingTalk.Simulator.Stream;

/// <summary>
/// A local stand-in for DingTalk's Stream gateway: hands out tickets, holds the client WebSockets and
/// pushes frames to them. Map its endpoints with <c>MapStreamGateway</c>.
/// </summary>
public sealed partial class StreamGateway(IOptionsMonitor<StreamGatewayOptions> options, TimeProvider time, ILogger<StreamGateway> logger)
{
    private readonly ConcurrentDictionary<string, StreamGatewayConnection> connections = new(StringComparer.Ordinal);
    private readonly StreamTicketBook tickets = new(time);
    private TaskCompletionSource connectionsChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised when a client's WebSocket is accepted.</summary>
    public event EventHandler<StreamConnectionEventArgs>? ConnectionOpened;

    /// <summary>Raised when a client's WebSocket has ended.</summary>
    public event EventHandler<StreamConnectionEventArgs>? ConnectionClosed;

    /// <summary>The open connections, oldest first.</summary>
    public IReadOnlyList<StreamConnectionInfo> Connections =>
        [.. connections.Values.Where(connection => connection.IsOpen).Select(connection => connection.Info).OrderBy(info => info.OpenedAt)];

    /// <summary>Sends a SYSTEM ping with a fresh opaque value to every connection and collects what each echoes back.</summary>
    public async Task<IReadOnlyList<StreamPingReply>> SendPingAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        return await Task.WhenAll(OpenConnections().Select(async connection =>
        {
            var data = JsonSerializer.Serialize(new { opaque = Guid.NewGuid().ToString("N") });
            var ack = await connection.SendAndWaitAsync(SystemFrame(connection, StreamSystemTopics.Ping, data), settings.AckTimeout, cancellationToken);
            return new StreamPingReply(connection.Id, data, ack?.Data);
        }));
    }

    /// <summary>
    /// Tells every client to reconnect (SYSTEM <c>disconnect</c>), closes the connections and returns
    /// once they have ended; a client that does not close within the close timeout is cut off.
    /// </summary>
    public async Task DisconnectAllAsync(string reason, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        var data = JsonSerializer.Serialize(new { reason });
        await Task.WhenAll(OpenConnections().Select(connection =>
            connection.DisconnectAsync(SystemFrame(connection, StreamSystemTopics.Disconnect, data), settings.AckTimeout, settings.CloseTimeout, cancellationToken)));
    }

    /// <summary>Drops every connection without a close handshake, as a network failure would, and returns once they have ended.</summary>
    public async Task AbortAllAsync()
    {
        var all = connections.Values.ToList();
        foreach (var connection in all)
        {
            connection.Abort();
        }

        await Task.WhenAll(all.Select(connection => connection.Closed));
    }

    internal bool Authenticate(string clientId, string clientSecret)
    {
        var settings = options.CurrentValue;
        if (settings.ValidateCredentials is { } validate)
        {
            return validate(clientId, clientSecret);
        }

        return settings.Credentials.TryGetValue(clientId, out var expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(clientSecret));
    }

    internal string IssueTicket(string clientId) => tickets.Issue(clientId, options.CurrentValue.TicketLifetime);

    internal string? RedeemTicket(string ticket) => tickets.Redeem(ticket, options.CurrentValue.TicketLifetime);

    internal void LogRejectedCredentials(string clientId) => StreamGatewayLog.CredentialsRejected(logger, clientId);

    internal void LogRefusedTicket() => StreamGatewayLog.TicketRefused(logger);

    /// <summary>Serves one accepted WebSocket until it ends.</summary>
    internal async Task RunConnectionAsync(string clientId, string ticket, WebSocket socket, HttpContext context)
    {
        var info = new StreamConnectionInfo(Guid.NewGuid().ToString("N"), clientId, ticket, time.GetUtcNow());
        var connection = new StreamGatewayConnection(info, socket, context, time);
        connections[info.ConnectionId] = connection;
        StreamGatewayLog.Connected(logger, clientId, info.ConnectionId);
        Interlocked.Exchange(ref connectionsChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        ConnectionOpened?.Invoke(this, new StreamConnectionEventArgs(info));
        try
        {
            await connection.ReceiveUntilClosedAsync(context.RequestAborted);
        }
        finally
        {
            connections.TryRemove(info.ConnectionId, out _);
            StreamGatewayLog.Closed(logger, info.ConnectionId, clientId);
            ConnectionClosed?.Invoke(this, new StreamConnectionEventArgs(info));
        }
    }

    private List<StreamGatewayConnection> OpenConnections() => [.. connections.Values.Where(connection => connection.IsOpen)];

    private StreamFrame SystemFrame(StreamGatewayConnection connection, string topic, string data) => new()
    {
        Type = StreamFrameTypes.System,
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [StreamHeaders.ConnectionId] = connection.Id,
            [StreamHeaders.ContentType] = StreamHeaders.JsonContentType,
            [StreamHeaders.MessageId] = Guid.NewGuid().ToString("N"),
            [StreamHeaders.Time] = UnixMilliseconds(time.GetUtcNow()),
            [StreamHeaders.Topic] = topic,
        },
        Data = data,
    };

    private static string UnixMilliseconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
