using System.Text.Json;
using Portal.DingTalk.Events;
using Portal.DingTalk.Stream;

namespace Portal.DingTalk.Simulator.Stream;

public sealed partial class StreamGateway
{
    /// <summary>
    /// Pushes an EVENT frame to every client id that has an open connection and waits until each has
    /// acked SUCCESS or the attempts ran out. A LATER ack is redelivered after the redelivery delay, a
    /// missing ack after the ack timeout, a lost connection on the client's next connection; every
    /// send carries the same message id.
    /// </summary>
    /// <param name="eventType">The <c>eventType</c> header, e.g. <c>user_add_org</c>.</param>
    /// <param name="dataJson">The event body, sent as the frame's <c>data</c> string.</param>
    /// <param name="messageId">A message id to reuse, to simulate a duplicate push; a fresh one when <c>null</c>.</param>
    /// <param name="eventId">The <c>eventId</c> header, e.g. the one the same event carried over HTTP; a fresh one when <c>null</c>.</param>
    /// <param name="cancellationToken">Stops waiting for acks.</param>
    public async Task<StreamDeliveryReport> PublishEventAsync(
        string eventType, string dataJson, string? messageId = null, string? eventId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        EnsureJson(dataJson);
        var message = new EventMessage(eventType, dataJson, messageId ?? Guid.NewGuid().ToString("N"), eventId ?? Guid.NewGuid().ToString("N"), time.GetUtcNow());
        var clientIds = OpenConnections().Select(connection => connection.Info.ClientId).Distinct(StringComparer.Ordinal);
        var deliveries = await Task.WhenAll(clientIds.Select(clientId => DeliverAsync(clientId, message, cancellationToken)));
        return new StreamDeliveryReport(message.MessageId, message.EventId, deliveries);
    }

    private async Task<StreamClientDelivery> DeliverAsync(string clientId, EventMessage message, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var attempts = new List<StreamDeliveryAttempt>();
        while (attempts.Count < settings.MaxDeliveryAttempts)
        {
            var connection = await WaitForConnectionAsync(clientId, settings.AckTimeout, cancellationToken);
            if (connection is null)
            {
                attempts.Add(new StreamDeliveryAttempt(null, StreamDeliveryOutcome.NoConnection, time.GetUtcNow()));
                continue;
            }

            var ack = await connection.SendAndWaitAsync(EventFrame(connection, message), settings.AckTimeout, cancellationToken);
            var outcome = ack switch
            {
                null when connection.Closed.IsCompleted => StreamDeliveryOutcome.ConnectionLost,
                null => StreamDeliveryOutcome.NoAck,
                _ when ack.EventStatus == EventAck.Success => StreamDeliveryOutcome.Success,
                _ => StreamDeliveryOutcome.Later,
            };
            attempts.Add(new StreamDeliveryAttempt(connection.Id, outcome, time.GetUtcNow()));
            if (outcome == StreamDeliveryOutcome.Success)
            {
                return new StreamClientDelivery(clientId, attempts);
            }

            if (outcome == StreamDeliveryOutcome.Later && attempts.Count < settings.MaxDeliveryAttempts)
            {
                await Task.Delay(settings.RedeliveryDelay, time, cancellationToken);
            }
        }

        StreamGatewayLog.GaveUp(logger, message.MessageId, message.EventType, clientId, attempts.Count);
        return new StreamClientDelivery(clientId, attempts);
    }

    /// <summary>The client's newest open connection, waiting up to <paramref name="timeout"/> for one to appear.</summary>
    private async Task<StreamGatewayConnection?> WaitForConnectionAsync(string clientId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            // Taken before looking, so a connection that opens in between still wakes us.
            var changed = Volatile.Read(ref connectionsChanged).Task;
            var newest = connections.Values
                .Where(connection => connection.IsOpen && string.Equals(connection.Info.ClientId, clientId, StringComparison.Ordinal))
                .MaxBy(connection => connection.Info.OpenedAt);
            if (newest is not null)
            {
                return newest;
            }

            try
            {
                await changed.WaitAsync(waiting.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private StreamFrame EventFrame(StreamGatewayConnection connection, EventMessage message) => new()
    {
        Type = StreamFrameTypes.Event,
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [StreamHeaders.AppId] = connection.Info.ClientId,
            [StreamHeaders.ConnectionId] = connection.Id,
            [StreamHeaders.ContentType] = StreamHeaders.JsonContentType,
            [StreamHeaders.MessageId] = message.MessageId,
            [StreamHeaders.Time] = UnixMilliseconds(time.GetUtcNow()),
            [StreamHeaders.Topic] = "*",
            [StreamHeaders.EventId] = message.EventId,
            [StreamHeaders.EventBornTime] = UnixMilliseconds(message.BornAt),
            [StreamHeaders.EventCorpId] = options.CurrentValue.CorpId,
            [StreamHeaders.EventType] = message.EventType,
            [StreamHeaders.EventUnifiedAppId] = connection.Info.ClientId,
        },
        Data = message.DataJson,
    };

    private static void EnsureJson(string dataJson)
    {
        try
        {
            using var _ = JsonDocument.Parse(dataJson);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException("The event data must be a JSON document.", nameof(dataJson), exception);
        }
    }

    private sealed record EventMessage(string EventType, string DataJson, string MessageId, string EventId, DateTimeOffset BornAt);
}
