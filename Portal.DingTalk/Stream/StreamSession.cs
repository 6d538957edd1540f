using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Portal.DingTalk.Events;

namespace Portal.DingTalk.Stream;

/// <summary>
/// One WebSocket connection to the gateway: answers SYSTEM frames at once and hands EVENT frames,
/// in order, to a worker so a slow handler never delays a ping answer.
/// </summary>
internal sealed class StreamSession(WebSocket socket, StreamEventDispatcher dispatcher, MessageDeduplicator deduplicator, ILogger logger) : IDisposable
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Channel<StreamFrame> events = Channel.CreateUnbounded<StreamFrame>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private volatile bool ended;

    /// <summary>Runs until the connection ends; returns why it ended.</summary>
    public async Task<string> RunAsync(CancellationToken stoppingToken)
    {
        var worker = HandleEventsAsync(stoppingToken);
        try
        {
            return await ReceiveAsync(stoppingToken);
        }
        finally
        {
            // Queued but unacknowledged events are dropped: the gateway redelivers them on the next connection.
            ended = true;
            events.Writer.TryComplete();
            await worker;
        }
    }

    public void Dispose() => sendLock.Dispose();

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            message.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(message.GetMemory(8192), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseOutputAsync(cancellationToken);
                    return $"closed by the gateway ({socket.CloseStatus} {socket.CloseStatusDescription})";
                }

                message.Advance(result.Count);
                if (message.WrittenCount > MaxMessageBytes)
                {
                    socket.Abort();
                    return "a frame exceeded the size limit";
                }
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Text
                && await OnFrameAsync(Encoding.UTF8.GetString(message.WrittenSpan), cancellationToken) is { } endReason)
            {
                return endReason;
            }
        }
    }

    /// <returns>Why the session ends, or <c>null</c> to keep reading.</returns>
    private async Task<string?> OnFrameAsync(string text, CancellationToken cancellationToken)
    {
        StreamFrame frame;
        try
        {
            frame = StreamFrame.Parse(text);
        }
        catch (FormatException exception)
        {
            StreamClientLog.UnreadableFrame(logger, exception);
            return null;
        }

        if (Is(frame.Type, StreamFrameTypes.Event))
        {
            events.Writer.TryWrite(frame);
            return null;
        }

        if (Is(frame.Type, StreamFrameTypes.System))
        {
            await SendAsync(StreamAck.Echo(frame), cancellationToken);
            if (Is(frame.Topic, StreamSystemTopics.Disconnect))
            {
                StreamClientLog.DisconnectRequested(logger, frame.Data);
                await CloseAsync(cancellationToken);
                return "disconnect requested by the gateway";
            }

            if (!Is(frame.Topic, StreamSystemTopics.Ping))
            {
                StreamClientLog.OtherSystemFrame(logger, frame.Topic);
            }

            return null;
        }

        // Only EVENT is subscribed; answering anything else keeps the gateway from retrying it.
        StreamClientLog.UnexpectedFrame(logger, frame.Type, frame.Topic);
        await SendAsync(new StreamAck { MessageId = frame.MessageId, Data = "{\"response\":null}" }, cancellationToken);
        return null;
    }

    private async Task HandleEventsAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!ended && await events.Reader.WaitToReadAsync(stoppingToken))
            {
                while (!ended && events.Reader.TryRead(out var frame))
                {
                    await HandleEventAsync(frame, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleEventAsync(StreamFrame frame, CancellationToken stoppingToken)
    {
        var messageId = frame.MessageId;
        EventAck ack;
        if (messageId is not null && deduplicator.WasHandled(messageId))
        {
            StreamClientLog.Duplicate(logger, messageId);
            ack = EventAck.Success;
        }
        else
        {
            ack = await dispatcher.DispatchAsync(frame, stoppingToken);
            if (ack == EventAck.Success && messageId is not null)
            {
                deduplicator.MarkHandled(messageId);
            }
        }

        try
        {
            await SendAsync(StreamAck.ForEvent(messageId, ack), stoppingToken);
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            StreamClientLog.AckNotSent(logger, exception, messageId);
        }
    }

    private async Task SendAsync(StreamAck ack, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(ack.ToJson());
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private async Task CloseOutputAsync(CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cancellationToken);
            }
        }
        catch (WebSocketException)
        {
            // The peer is already gone; there is nothing left to close politely.
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Sends our close and waits briefly for the gateway's, discarding frames in between (they are redelivered).</summary>
    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        await CloseOutputAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CloseTimeout);
        var scratch = new byte[8192];
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(scratch.AsMemory(), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Abort();
        }
        catch (WebSocketException)
        {
            // The gateway dropped the connection instead of answering the close; the outcome is the same.
        }
    }

    private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
