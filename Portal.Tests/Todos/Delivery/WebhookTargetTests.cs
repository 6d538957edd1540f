using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Outbox;
using Portal.Tests.Content.Delivery;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Integration.Admin;
using Portal.Web.Features.Todos;

namespace Portal.Tests.Todos.Delivery;

/// <summary>
/// A decision goes only where the admin pointed the webhook: a redirect is not followed (it would
/// carry the signed body elsewhere), and outside Development no private, loopback or link-local
/// address is called or even saved, unless its network is listed.
/// </summary>
public sealed class WebhookTargetTests
{
    private const string Secret = "whsec_7c1e0a9b3d5f7a9c1e3b5d7f9a1c3e5b";

    private static readonly Dictionary<string, string?> PublicOnly = new(TodoDeliveryKit.Settings) { ["Integration:AllowPrivateWebhookTargets"] = "false" };

    [Fact]
    public async Task A_redirect_is_not_followed_and_the_decision_is_dead_lettered_after_a_few_attempts()
    {
        await using var elsewhere = await WebhookReceiver.StartAsync(Secret);
        await using var receiver = await WebhookReceiver.StartAsync(Secret, elsewhere.Url, 307, 307, 307);
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]], receiver.Url, Secret);
        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);

        for (var pass = 0; pass < 5; pass++)
        {
            await host.DrainAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal([307, 307, 307], receiver.Calls.Select(c => c.Status));
        Assert.Empty(elsewhere.Calls);
        var message = Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind));
        Assert.Equal(OutboxStatus.DeadLettered, message.Status);
        Assert.Contains("redirect", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loopback_webhook_is_never_called_when_only_public_targets_are_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var host = await DeliveryPortal.StartAsync(settings: PublicOnly);
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]], receiver.Url, Secret);
        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);

        await host.DrainAsync();

        Assert.Empty(receiver.Calls);
        var message = Assert.Single(await TodoDeliveryKit.MessagesAsync(host, TodoOutbox.DecisionKind));
        Assert.Equal((OutboxStatus.DeadLettered, 1), (message.Status, message.Attempts));
        Assert.Contains("Integration:WebhookAllowedNetworks", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listed_private_network_is_called()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var host = await DeliveryPortal.StartAsync(settings: new Dictionary<string, string?>(PublicOnly) { ["Integration:WebhookAllowedNetworks:0"] = "127.0.0.0/8" });
        var people = await host.ActiveUserIdsAsync();
        var (todoId, _) = await TodoDeliveryKit.SeedAsync(host, [people[0]], receiver.Url, Secret);
        await TodoDeliveryKit.DecideAsync(host, todoId, "approve", null);

        await host.DrainAsync();

        Assert.Single(receiver.Accepted);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:169.254.169.254]/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://metadata.localhost/hook")]
    public async Task An_admin_cannot_save_a_private_or_link_local_address(string url)
    {
        await using var host = await DeliveryPortal.StartAsync(settings: PublicOnly);
        var (_, clientId) = await TodoDeliveryKit.SeedAsync(host, [(await host.ActiveUserIdsAsync())[0]]);
        using var scope = host.Services.CreateScope();

        var refusal = await scope.ServiceProvider.GetRequiredService<SetIntegrationWebhook>().ExecuteAsync(new Actor(null, "admin"), clientId, url, default);

        Assert.Equal("WebhookUrlPrivate", refusal);
    }
}
