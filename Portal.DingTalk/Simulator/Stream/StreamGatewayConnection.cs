using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Portal.DingTalk.Stream;

namespace Portal.DingTalk.Simulator.Stream;

/// <summary>The gateway's side of one client WebSocket: sends frames and matches the client's acks to them.</summary>
[SuppressMessage("Design", "CA1001", Justification = "Publishers may reach for the send lock after the connection ended; a SemaphoreSlim whose wait handle is never used holds nothing to dispose.")]
internal sealed class StreamGatewayConnection(StreamConnectionInfo info, WebSocket socket, HttpContext context, TimeProvider time)
{
    private const int MaxMessageBytes = 1024 * 1024;

    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamAck?>> pendingAcks = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool closing;
    private bool closeSent;

    public StreamConnectionInfo Info { get; } = info;

    public string Id => Info.ConnectionId;

    /// <summary>Completes when the connection has ended, however it ended.</summary>
    public Task Closed => closed.Task;

    /// <summary>Open and not being asked to leave, so new frames may go here.</summary>
    public bool IsOpen => !closing && !closed.Task.IsCompleted && socket.State == WebSocketState.Open;

    /// <summary>Sends a frame and waits for the ack carrying its message id; <c>null</c> if none came in time or the connection ended.</summary>
    public async Task<StreamAck?> SendAndWaitAsync(StreamFrame frame, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var messageId = frame.MessageId ?? throw new ArgumentException("A frame needs a messageId to be acknowledged.", nameof(frame));
        var waiter = pendingAcks.GetOrAdd(messageId, _ => new TaskCompletionSource<StreamAck?>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            if (closed.Task.IsCompleted)
            {
                return null;
            }

            await SendAsync(frame.ToJson(), cancellationToken);
            return await waiter.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or WebSocketException or ObjectDisposedException or IOException or InvalidOperationException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
        finally
        {
            pendingAcks.TryRemove(KeyValuePair.Create(messageId, waiter));
        }
    }

    /// <summary>Reads acks until the client closes or the connection breaks.</summary>
    public async Task ReceiveUntilClosedAsync(CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(message.GetMemory(8192), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await CloseOutputAsync(CancellationToken.None);
                        return;
                    }

                    message.Advance(result.Count);
                    if (message.WrittenCount > MaxMessageBytes)
                    {
                        Abort();
                        return;
                    }
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    OnAck(Encoding.UTF8.GetString(message.WrittenSpan));
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // An aborted or dropped connection is an ordinary end here; the gateway reports it as a lost connection.
        }
        finally
        {
            closed.TrySetResult();
            foreach (var waiter in pendingAcks.Values)
            {
                waiter.TrySetResult(null);
            }
        }
    }

    /// <summary>Sends a disconnect frame, closes, and cuts the connection off if the client does not close in time.</summary>
    public async Task DisconnectAsync(StreamFrame disconnectFrame, TimeSpan ackTimeout, TimeSpan closeTimeout, CancellationToken cancellationToken)
    {
        closing = true;
        await SendAndWaitAsync(disconnectFrame, ackTimeout, cancellationToken);
        await CloseOutputAsync(cancellationToken);
        try
        {
            await closed.Task.WaitAsync(closeTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            Abort();
            await closed.Task;
        }
    }

    /// <summary>Drops the TCP connection without a close handshake, as a network failure would.</summary>
    public void Abort()
    {
        closing = true;
        if (closed.Task.IsCompleted)
        {
            return;
        }

        try
        {
            context.Abort();
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request finished between the check and the abort; the connection is gone either way.
        }
    }

    private void OnAck(string text)
    {
        StreamAck ack;
        try
        {
            ack = StreamAck.Parse(text);
        }
        catch (FormatException)
        {
            return;
        }

        if (ack.MessageId is { } messageId && pendingAcks.TryGetValue(messageId, out var waiter))
        {
            waiter.TrySetResult(ack);
        }
    }

    private async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
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
            if (!closeSent && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                closeSent = true;
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "disconnect", cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            // Already gone; nothing to close.
        }
        finally
        {
            sendLock.Release();
        }
    }
}
