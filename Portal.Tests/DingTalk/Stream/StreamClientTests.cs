using Portal.DingTalk.Events;
using Portal.DingTalk.Simulator.Stream;
using Portal.DingTalk.Stream;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Stream;

/// <summary>The real client against the simulated gateway, over a real WebSocket.</summary>
public sealed class StreamClientTests
{
    private const string UserAdded = """{"userId":["u001","u002"],"timeStamp":"1700000000000"}""";

    [Fact]
    public async Task Event_arrives_typed_at_the_handler_and_is_acked()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host);
        await host.NextConnectionAsync();
        var before = DateTimeOffset.UtcNow;

        var report = await host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, UserAdded);

        var orgEvent = await client.Handler.NextAsync();
        Assert.Equal(OrgEventKind.UserAddOrg, orgEvent.Kind);
        Assert.Equal(["u001", "u002"], orgEvent.UserIds);
        Assert.Equal(StreamGatewayHost.CorpId, orgEvent.CorpId);
        Assert.Equal(report.EventId, orgEvent.EventId);
        Assert.Equal(UserAdded, orgEvent.RawJson);
        Assert.InRange(orgEvent.OccurredAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var delivery = Assert.Single(report.Clients);
        Assert.Equal(StreamGatewayHost.ClientId, delivery.ClientId);
        Assert.Equal(StreamDeliveryOutcome.Success, Assert.Single(delivery.Attempts).Outcome);
        Assert.True(report.Acknowledged);
    }

    [Fact]
    public async Task Dept_event_arrives_with_its_dept_ids()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host);
        await host.NextConnectionAsync();

        await host.Gateway.PublishEventAsync(OrgEventTypes.OrgDeptCreate, """{"deptId":[432825033]}""");

        var orgEvent = await client.Handler.NextAsync();
        Assert.Equal(OrgEventKind.OrgDeptCreate, orgEvent.Kind);
        Assert.Equal([432825033L], orgEvent.DeptIds);
    }

    [Fact]
    public async Task Duplicate_message_id_is_handled_once_and_acked_twice()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host);
        await host.NextConnectionAsync();

        var first = await host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, UserAdded, messageId: "m-dup");
        var second = await host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, UserAdded, messageId: "m-dup");

        Assert.True(first.Acknowledged);
        Assert.True(second.Acknowledged);
        Assert.Single(client.Handler.All);
    }

    [Fact]
    public async Task Message_id_is_forgotten_after_the_dedupe_window()
    {
        var clock = new FakeNowRealTimers(DateTimeOffset.UtcNow);
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host, time: clock);
        await host.NextConnectionAsync();

        await host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, UserAdded, messageId: "m-window");
        clock.Advance(TimeSpan.FromMinutes(4));
        await host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, UserAdded, messageId: "m-window");
        Assert.Single(client.Handler.All);

        clock.Advance(TimeSpan.FromMinutes(1));
        var afterWindow = await host.Gateway.PublishEventAsync(OrgEventTypes.UserAddOrg, UserAdded, messageId: "m-window");

        Assert.True(afterWindow.Acknowledged);
        Assert.Equal(2, client.Handler.All.Count);
    }

    [Fact]
    public async Task Later_leads_to_redelivery_until_success()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        var handler = new RecordingOrgEventHandler((_, call) => call == 1 ? EventAck.Later : EventAck.Success);
        await using var client = StreamClientRun.Start(host, handler);
        await host.NextConnectionAsync();

        var report = await host.Gateway.PublishEventAsync(OrgEventTypes.UserLeaveOrg, """{"userId":"u009"}""");

        var outcomes = Assert.Single(report.Clients).Attempts.Select(attempt => attempt.Outcome);
        Assert.Equal([StreamDeliveryOutcome.Later, StreamDeliveryOutcome.Success], outcomes);
        Assert.Equal(2, handler.All.Count);
        Assert.All(handler.All, orgEvent => Assert.Equal(report.EventId, orgEvent.EventId));
        Assert.All(handler.All, orgEvent => Assert.Equal(["u009"], orgEvent.UserIds));
    }

    [Fact]
    public async Task Failing_handler_leads_to_redelivery()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        var handler = new RecordingOrgEventHandler((_, call) => call == 1 ? throw new InvalidOperationException("database down") : EventAck.Success);
        await using var client = StreamClientRun.Start(host, handler);
        await host.NextConnectionAsync();

        var report = await host.Gateway.PublishEventAsync(OrgEventTypes.UserModifyOrg, """{"userId":["u1"]}""");

        var outcomes = Assert.Single(report.Clients).Attempts.Select(attempt => attempt.Outcome);
        Assert.Equal([StreamDeliveryOutcome.Later, StreamDeliveryOutcome.Success], outcomes);
        Assert.Contains(client.Logs.Lines, line => line.Contains("database down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ping_is_answered_with_the_same_data()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host);
        var connection = await host.NextConnectionAsync();

        var reply = Assert.Single(await host.Gateway.SendPingAsync());

        Assert.Equal(connection.ConnectionId, reply.ConnectionId);
        Assert.Contains("opaque", reply.SentData, StringComparison.Ordinal);
        Assert.Equal(reply.SentData, reply.ReplyData);
        Assert.True(reply.Echoed);
    }

    [Fact]
    public async Task Server_disconnect_leads_to_a_reconnect_with_a_new_ticket()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host);
        var first = await host.NextConnectionAsync();

        await host.Gateway.DisconnectAllAsync("gateway maintenance");
        var second = await host.NextConnectionAsync();

        await AssertEventsFlowOnAsync(host, client, first, second);
        Assert.Contains(client.Logs.Lines, line => line.Contains("gateway maintenance", StringComparison.Ordinal));
        AssertNoCredentialsLogged(client, first, second);
    }

    [Fact]
    public async Task Abrupt_connection_loss_leads_to_a_reconnect_with_a_new_ticket()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host);
        var first = await host.NextConnectionAsync();

        await host.Gateway.AbortAllAsync();
        var second = await host.NextConnectionAsync();

        await AssertEventsFlowOnAsync(host, client, first, second);
        AssertNoCredentialsLogged(client, first, second);
    }

    [Fact]
    public async Task Rejected_credentials_stop_the_client_with_a_clear_error_and_no_retry()
    {
        const string wrongSecret = "wrong-secret-must-not-leak";
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host, clientSecret: wrongSecret);

        var error = await Assert.ThrowsAsync<StreamAuthenticationException>(() => client.Running.WaitAsync(StreamTestTimeouts.Wait));

        Assert.Equal("authFailed", error.Code);
        Assert.Equal(StreamGatewayHost.ClientId, error.ClientId);
        Assert.Contains(StreamGatewayHost.ClientId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.OpenRequests);
        Assert.Empty(host.Gateway.Connections);
        Assert.DoesNotContain(client.Logs.Lines, line => line.Contains(wrongSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_secret_fails_before_contacting_the_gateway()
    {
        await using var host = await StreamGatewayHost.StartAsync();
        await using var client = StreamClientRun.Start(host, clientSecret: "");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Running.WaitAsync(StreamTestTimeouts.Wait));

        Assert.Contains("AppSecret", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.OpenRequests);
    }

    private static async Task AssertEventsFlowOnAsync(StreamGatewayHost host, StreamClientRun client, StreamConnectionInfo first, StreamConnectionInfo second)
    {
        Assert.NotEqual(first.ConnectionId, second.ConnectionId);
        Assert.NotEqual(first.Ticket, second.Ticket);
        Assert.Equal(second.ConnectionId, Assert.Single(host.Gateway.Connections).ConnectionId);

        var report = await host.Gateway.PublishEventAsync(OrgEventTypes.UserActiveOrg, """{"userId":["u003"]}""");

        var attempt = Assert.Single(Assert.Single(report.Clients).Attempts);
        Assert.Equal(StreamDeliveryOutcome.Success, attempt.Outcome);
        Assert.Equal(second.ConnectionId, attempt.ConnectionId);
        Assert.Equal(OrgEventKind.UserActiveOrg, (await client.Handler.NextAsync()).Kind);
    }

    private static void AssertNoCredentialsLogged(StreamClientRun client, params StreamConnectionInfo[] connections)
    {
        Assert.NotEmpty(client.Logs.Lines);
        string[] secrets = [StreamGatewayHost.ClientSecret, .. connections.Select(connection => connection.Ticket)];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(client.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
