using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Events;

namespace Portal.DingTalk.Stream;

/// <summary>
/// DingTalk Stream mode client: opens a gateway connection with the app's credentials, receives
/// EVENT frames over a WebSocket, hands them as <see cref="OrgEvent"/>s to every registered
/// <see cref="IOrgEventHandler"/> and acknowledges them, and reconnects with backoff whenever the
/// connection ends. Neither the secret nor the connection ticket is ever logged.
/// </summary>
public sealed class StreamClient(
    IHttpClientFactory httpClients,
    IServiceScopeFactory scopes,
    IOptionsMonitor<DingTalkOptions> dingTalk,
    IOptions<StreamClientOptions> streamOptions,
    TimeProvider time,
    ILogger<StreamClient> logger)
{
    public const string HttpClientName = "dingtalk-stream";

    /// <summary>
    /// Connects and stays connected until <paramref name="stoppingToken"/> is cancelled, then returns.
    /// Meant to be the body of a <c>BackgroundService</c>; run one loop per app.
    /// </summary>
    /// <exception cref="StreamAuthenticationException">The gateway rejected the credentials; no reconnect is attempted.</exception>
    /// <exception cref="InvalidOperationException">AppKey or AppSecret is not configured.</exception>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(dingTalk.CurrentValue.AppKey) || string.IsNullOrWhiteSpace(dingTalk.CurrentValue.AppSecret))
        {
            throw new InvalidOperationException("DingTalk Stream mode needs DingTalk:AppKey and DingTalk:AppSecret.");
        }

        var options = streamOptions.Value;
        var backoff = new ReconnectBackoff(options);
        var deduplicator = new MessageDeduplicator(options.DedupeWindow, time);
        var dispatcher = new StreamEventDispatcher(scopes, logger);
        var opener = new StreamConnectionOpener(httpClients.CreateClient(HttpClientName), options);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var reason = await ConnectAndRunAsync(opener, backoff, dispatcher, deduplicator, options, stoppingToken);
                StreamClientLog.ConnectionEnded(logger, reason);
            }
            catch (StreamAuthenticationException exception)
            {
                StreamClientLog.CredentialsRejected(logger, exception.Message);
                throw;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Whatever broke this connection, the next one starts from a fresh ticket.
                StreamClientLog.ConnectionFailed(logger, exception);
            }

            var delay = backoff.Next();
            StreamClientLog.Reconnecting(logger, delay);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string> ConnectAndRunAsync(
        StreamConnectionOpener opener,
        ReconnectBackoff backoff,
        StreamEventDispatcher dispatcher,
        MessageDeduplicator deduplicator,
        StreamClientOptions options,
        CancellationToken stoppingToken)
    {
        var (socket, endpoint) = await ConnectAsync(opener, options, stoppingToken);
        using (socket)
        {
            backoff.Reset();
            StreamClientLog.Connected(logger, endpoint);
            using var session = new StreamSession(socket, dispatcher, deduplicator, logger);
            return await session.RunAsync(stoppingToken);
        }
    }

    private async Task<(ClientWebSocket Socket, string Endpoint)> ConnectAsync(StreamConnectionOpener opener, StreamClientOptions options, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);

        var ticket = await opener.OpenAsync(dingTalk.CurrentValue, connecting.Token);
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.KeepAliveInterval = options.KeepAliveInterval;
            socket.Options.KeepAliveTimeout = options.KeepAliveTimeout;
            await socket.ConnectAsync(ticket.ConnectUri, connecting.Token);
            return (socket, ticket.Endpoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
