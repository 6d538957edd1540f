using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Portal.DingTalk.Events;
using Portal.DingTalk.Simulator.Stream;

namespace Portal.Tests.DingTalk.Stream;

/// <summary>The simulated gateway's wire format, checked with a hand-written client.</summary>
public sealed class StreamGatewayTests
{
    private const string SuccessAck = """{"status":"SUCCESS","message":"success"}""";

    [Fact]
    public async Task Open_with_wrong_secret_answers_401_auth_failed()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsJsonAsync(
            new Uri(host.ApiBaseUrl + "/v1.0/gateway/connections/open"),
            new { clientId = StreamGatewayHost.ClientId, clientSecret = "wrong", subscriptions = new[] { new { type = "EVENT", topic = "*" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("authFailed", body.GetProperty("code").GetString());
        Assert.Equal("鉴权失败", body.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("requestid").GetString()));
    }

    [Fact]
    public async Task Open_without_credentials_is_a_bad_request()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsJsonAsync(new Uri(host.ApiBaseUrl + "/v1.0/gateway/connections/open"), new { ua = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Open_returns_a_websocket_endpoint_on_the_request_host_and_a_ticket()
    {
        await using var host = await StreamGatewayHost.StartAsync();

        var (endpoint, ticket) = await RawStreamConnection.OpenAsync(host);

        Assert.Equal(host.Origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/_dingtalk/api/gateway/connect", endpoint);
        Assert.True(ticket.Length >= 32);
    }

    [Fact]
    public async Task A_ticket_connects_only_once()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        var (endpoint, ticket) = await RawStreamConnection.OpenAsync(host);

        await using var first = await RawStreamConnection.ConnectAsync(endpoint, ticket);

        var reuse = await Assert.ThrowsAsync<WebSocketException>(() => RawStreamConnection.ConnectAsync(endpoint, ticket));
        Assert.Contains("401", reuse.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WebSocketException>(() => RawStreamConnection.ConnectAsync(endpoint, "made-up-ticket"));
    }

    [Fact]
    public async Task Event_frame_carries_the_documented_headers_and_data_as_a_string()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var raw = await RawStreamConnection.OpenAndConnectAsync(host);
        var connection = await host.NextConnectionAsync();

        var publishing = host.Gateway.PublishEventAsync(OrgEventTypes.OrgDeptCreate, """{"deptId":[432825033]}""");
        var frame = (await raw.ReceiveAsync())!.Value;
        await raw.AckAsync(frame, SuccessAck);
        var report = await publishing;

        Assert.Equal("1.0", frame.GetProperty("specVersion").GetString());
        Assert.Equal("EVENT", frame.GetProperty("type").GetString());
        var headers = frame.GetProperty("headers");
        Assert.Equal(StreamGatewayHost.ClientId, headers.GetProperty("appId").GetString());
        Assert.Equal(connection.ConnectionId, headers.GetProperty("connectionId").GetString());
        Assert.Equal("application/json", headers.GetProperty("contentType").GetString());
        Assert.Equal(report.MessageId, headers.GetProperty("messageId").GetString());
        Assert.Equal("*", headers.GetProperty("topic").GetString());
        Assert.Equal(report.EventId, headers.GetProperty("eventId").GetString());
        Assert.Equal(StreamGatewayHost.CorpId, headers.GetProperty("eventCorpId").GetString());
        Assert.Equal("org_dept_create", headers.GetProperty("eventType").GetString());
        Assert.Equal(StreamGatewayHost.ClientId, headers.GetProperty("eventUnifiedAppId").GetString());
        Assert.True(long.TryParse(headers.GetProperty("time").GetString(), out _));
        Assert.True(long.TryParse(headers.GetProperty("eventBornTime").GetString(), out _));
        Assert.Equal(JsonValueKind.String, frame.GetProperty("data").ValueKind);
        Assert.Equal(432825033, JsonDocument.Parse(frame.GetProperty("data").GetString()!).RootElement.GetProperty("deptId")[0].GetInt64());
        Assert.True(report.Acknowledged);
    }

    [Fact]
    public async Task Missing_ack_is_sent_again_with_the_same_message_id()
    {
        await using var host = await StreamGatewayHost.StartAsync(options => options.AckTimeout = TimeSpan.FromSeconds(1));
        await using var raw = await RawStreamConnection.OpenAndConnectAsync(host);
        await host.NextConnectionAsync();

        var publishing = host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, """{"userId":["u1"]}""");
        var ignored = (await raw.ReceiveAsync())!.Value;
        var resent = (await raw.ReceiveAsync())!.Value;
        await raw.AckAsync(resent, SuccessAck);
        var report = await publishing;

        Assert.Equal(MessageId(ignored), MessageId(resent));
        var outcomes = Assert.Single(report.Clients).Attempts.Select(attempt => attempt.Outcome);
        Assert.Equal([StreamDeliveryOutcome.NoAck, StreamDeliveryOutcome.Success], outcomes);
    }

    [Fact]
    public async Task Gateway_gives_up_after_the_configured_attempts()
    {
        await using var host = await StreamGatewayHost.StartAsync(options => options.MaxDeliveryAttempts = 2);
        await using var raw = await RawStreamConnection.OpenAndConnectAsync(host);
        await host.NextConnectionAsync();

        var publishing = host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, """{"userId":["u1"]}""");
        for (var i = 0; i < 2; i++)
        {
            await raw.AckAsync((await raw.ReceiveAsync())!.Value, """{"status":"LATER","message":"later"}""");
        }

        var report = await publishing;

        Assert.False(report.Acknowledged);
        Assert.Equal([StreamDeliveryOutcome.Later, StreamDeliveryOutcome.Later], Assert.Single(report.Clients).Attempts.Select(attempt => attempt.Outcome));
    }

    [Fact]
    public async Task Disconnect_sends_a_system_frame_with_the_reason_then_closes()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var raw = await RawStreamConnection.OpenAndConnectAsync(host);
        await host.NextConnectionAsync();

        var disconnecting = host.Gateway.DisconnectAllAsync("maintenance");
        var frame = (await raw.ReceiveAsync())!.Value;
        await raw.AckAsync(frame, frame.GetProperty("data").GetString()!);

        Assert.Equal("SYSTEM", frame.GetProperty("type").GetString());
        Assert.Equal("disconnect", frame.GetProperty("headers").GetProperty("topic").GetString());
        Assert.Equal("maintenance", JsonDocument.Parse(frame.GetProperty("data").GetString()!).RootElement.GetProperty("reason").GetString());
        Assert.Null(await raw.ReceiveAsync());
        await disconnecting.WaitAsync(StreamTestTimeouts.Wait);
        Assert.Empty(host.Gateway.Connections);
    }

    [Fact]
    public async Task Publish_without_connected_clients_reaches_nobody()
    {
        await using var host = await StreamGatewayHost.StartAsync();

        var report = await host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, """{"userId":["u1"]}""");

        Assert.Empty(report.Clients);
        Assert.False(report.Acknowledged);
    }

    [Fact]
    public async Task Event_data_must_be_json()
    {
        await using var host = await StreamGatewayHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, "not json"));
    }

    private static string? MessageId(JsonElement frame) => frame.GetProperty("headers").GetProperty("messageId").GetString();
}
