using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Portal.Tests.DingTalk.Stream;

/// <summary>A bare WebSocket speaking the Stream protocol by hand, to check the gateway's wire format.</summary>
internal sealed class RawStreamConnection(ClientWebSocket socket) : IAsyncDisposable
{
    public static async Task<(string Endpoint, string Ticket)> OpenAsync(StreamGatewayHost host)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(
            new Uri(host.ApiBaseUrl + "/v1.0/gateway/connections/open"),
            new { clientId = StreamGatewayHost.ClientId, clientSecret = StreamGatewayHost.ClientSecret, subscriptions = new[] { new { type = "EVENT", topic = "*" } }, ua = "raw-test", localIp = "127.0.0.1" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("endpoint").GetString()!, body.GetProperty("ticket").GetString()!);
    }

    public static async Task<RawStreamConnection> ConnectAsync(string endpoint, string ticket)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri($"{endpoint}?ticket={Uri.EscapeDataString(ticket)}"), CancellationToken.None).WaitAsync(StreamTestTimeouts.Wait);
            return new RawStreamConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static async Task<RawStreamConnection> OpenAndConnectAsync(StreamGatewayHost host)
    {
        var (endpoint, ticket) = await OpenAsync(host);
        return await ConnectAsync(endpoint, ticket);
    }

    /// <summary>The next text frame as JSON, or <c>null</c> when the gateway closed the connection.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(StreamTestTimeouts.Wait);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(text.ToString()).RootElement.Clone();
    }

    /// <summary>Acks a frame the way the DingTalk SDKs do.</summary>
    public Task AckAsync(JsonElement frame, string data)
    {
        var ack = JsonSerializer.Serialize(new
        {
            code = 200,
            headers = new { contentType = "application/json", messageId = frame.GetProperty("headers").GetProperty("messageId").GetString() },
            message = "OK",
            data,
        });
        return socket.SendAsync(Encoding.UTF8.GetBytes(ack), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
