using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Outbox;
using Portal.Tests.Content.Delivery;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Todos.Delivery;

/// <summary>A decision goes back to the owning system's webhook, signed, retried while the receiver fails, and accepted once.</summary>
public sealed class DecisionWebhookTests
{
    private const string Secret = "whsec_3f9a1c0b7e2d4a6f8b1c3e5d7f9a0b2c";

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task The_decision_arrives_signed_so_a_receiver_written_from_the_description_verifies_it(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var host = await DeliveryPortal.StartAsync(provider, TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]], receiver.Url, Secret, externalId: "EXP-42");
        await host.DrainAsync();
        var decidedBy = await TodoDeliveryKit.DecideAsync(host, todoId, "reject", "  发票缺失  ");

        await host.DrainAsync();

        var call = Assert.Single(receiver.Calls);
        Assert.True(call.Verified, "signature must verify with the shared secret");
        Assert.Equal(200, call.Status);
        Assert.InRange(long.Parse(call.Timestamp, System.Globalization.CultureInfo.InvariantCulture), host.Time.GetUtcNow().ToUnixTimeSeconds() - 5, host.Time.GetUtcNow().ToUnixTimeSeconds());
        Assert.False(WebhookReceiver.Verify("another-secret", call.Timestamp, call.Body, call.Signature));
        Assert.False(WebhookReceiver.Verify(Secret, call.Timestamp, call.Body.Replace("reject", "approve", StringComparison.Ordinal), call.Signature));
        Assert.Equal($"todo.decision:{todoId:D}", call.Delivery);

        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal("EXP-42", body.GetProperty("externalId").GetString());
        Assert.Equal(todoId, body.GetProperty("todoId").GetGuid());
        Assert.Equal("reject", body.GetProperty("decision").GetString());
        Assert.Equal("发票缺失", body.GetProperty("comment").GetString());
        Assert.Equal(people[0], body.GetProperty("decidedBy").GetProperty("userId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("decidedBy").GetProperty("name").GetString()));
        Assert.Equal(host.Now, body.GetProperty("decidedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));

        var messages = await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind);
        Assert.Equal(OutboxStatus.Delivered, Assert.Single(messages).Status);
        Assert.NotEqual(Guid.Empty, decidedBy);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_failing_receiver_is_retried_with_backoff_and_then_gets_the_decision_once(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret, 500, 500);
        await using var host = await DeliveryPortal.StartAsync(provider, TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]], receiver.Url, Secret);
        await host.DrainAsync();
        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);

        await host.DrainAsync();
        var first = Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind));
        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts));
        Assert.True(first.NextAttemptAt > host.Now, "the retry waits for its backoff");
        Assert.Contains("500", first.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, first.LastError, StringComparison.Ordinal);

        // Not due yet: nothing is sent before the backoff is over.
        await host.DrainAsync();
        Assert.Single(receiver.Calls);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.DrainAsync();
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await host.DrainAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await host.DrainAsync();

        Assert.Equal([500, 500, 200], receiver.Calls.Select(c => c.Status));
        Assert.All(receiver.Calls, c => Assert.True(c.Verified));
        Assert.Single(receiver.Accepted);
        Assert.Single(receiver.Calls.Select(c => c.Body).Distinct());
        var delivered = Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind));
        Assert.Equal((OutboxStatus.Delivered, 2), (delivered.Status, delivered.Attempts));
    }

    [Fact]
    public async Task A_receiver_that_keeps_refusing_the_call_dead_letters_it_and_an_admin_retry_delivers_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret, 400, 400, 400);
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]], receiver.Url, Secret);
        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);

        await DrainHourlyAsync(host, passes: 5);

        var dead = Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind));
        Assert.Equal((OutboxStatus.DeadLettered, 3), (dead.Status, dead.Attempts));
        Assert.Equal(3, receiver.Calls.Count);

        await using (var db = host.Db())
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == dead.Id);
            message.Retry(host.Now);
            await db.SaveChangesAsync();
        }

        await host.DrainAsync();
        Assert.Single(receiver.Accepted);
        Assert.Equal(OutboxStatus.Delivered, Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind)).Status);
    }

    [Fact]
    public async Task A_throttling_receiver_is_retried_past_the_client_error_limit()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret, 429, 408, 429);
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]], receiver.Url, Secret);
        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);

        await DrainHourlyAsync(host, passes: 5);

        Assert.Equal([429, 408, 429, 200], receiver.Calls.Select(c => c.Status));
        var message = Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind));
        Assert.Equal((OutboxStatus.Delivered, 3), (message.Status, message.Attempts));
    }

    [Fact]
    public async Task A_secret_the_portal_can_no_longer_read_is_dead_lettered_at_once_without_a_call()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, clientId) = await TodoDeliveryKit.SeedAsync(host, [people[0]], receiver.Url, Secret);
        await using (var db = host.Db())
        {
            await db.IntegrationClients.Where(c => c.Id == clientId).ExecuteUpdateAsync(set => set.SetProperty(c => c.ProtectedWebhookSecret, "CfDJ8-not-a-protected-payload"));
        }

        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);
        await host.DrainAsync();

        Assert.Empty(receiver.Calls);
        var message = Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind));
        Assert.Equal((OutboxStatus.DeadLettered, 1), (message.Status, message.Attempts));
        Assert.Contains("secret", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_without_a_webhook_polls_so_the_decision_is_done_without_a_call()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]]);
        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);

        await host.DrainAsync();

        var message = Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind));
        Assert.Equal((OutboxStatus.Delivered, 0), (message.Status, message.Attempts));
    }

    // An hour apart: longer than any backoff, so each pass makes the next attempt.
    private static async Task DrainHourlyAsync(DeliveryPortal host, int passes)
    {
        for (var pass = 0; pass < passes; pass++)
        {
            await host.DrainAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }
    }
}
