using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Outbox;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Outbox;

/// <summary>Delivery from the outbox: once, with retries and backoff, dead letters, leases and several relays.</summary>
public sealed class OutboxRelayTests
{
    private static readonly OutboxOptions Settings = new() { BatchSize = 20, LeaseSeconds = 60, MaxAttempts = 3, BaseDelaySeconds = 2, MaxDelaySeconds = 60 };

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Due_messages_are_delivered_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var time = TestTime.Fake();
        var handler = new RecordingHandler();
        var factory = database.CreateFactory();
        await EnqueueAsync(factory, time, 5);

        var relay = Relay(factory, handler, time);
        Assert.Equal(5, await relay.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await relay.RunOnceAsync(CancellationToken.None));

        Assert.Equal(5, handler.Delivered.Count);
        Assert.All(handler.Delivered.Values, count => Assert.Equal(1, count));
        await using var db = await factory.CreateDbContextAsync();
        Assert.True(await db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Delivered && m.DeliveredAt != null));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_failure_is_retried_after_backoff_then_dead_lettered_and_can_be_retried(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var time = TestTime.Fake();
        var handler = new RecordingHandler { FailuresLeft = int.MaxValue };
        var factory = database.CreateFactory();
        await EnqueueAsync(factory, time, 1);
        var relay = Relay(factory, handler, time);

        Assert.Equal(1, await relay.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await relay.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(Settings.MaxDelaySeconds * 2));
        Assert.Equal(1, await relay.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(Settings.MaxDelaySeconds * 2));
        Assert.Equal(1, await relay.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(Settings.MaxDelaySeconds * 2));
        Assert.Equal(0, await relay.RunOnceAsync(CancellationToken.None));

        await using (var db = await factory.CreateDbContextAsync())
        {
            var message = await db.OutboxMessages.SingleAsync();
            Assert.Equal(OutboxStatus.DeadLettered, message.Status);
            Assert.Equal(3, message.Attempts);
            Assert.Equal("receiver down", message.LastError);
            handler.FailuresLeft = 0;
            message.Retry(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await relay.RunOnceAsync(CancellationToken.None));
        Assert.Single(handler.Delivered);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Two_relays_working_at_once_deliver_each_message_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var time = TestTime.Fake();
        var handler = new RecordingHandler();
        var factory = database.CreateFactory();
        await EnqueueAsync(factory, time, 200);
        var first = Relay(factory, handler, time);
        var second = Relay(factory, handler, time);

        async Task DrainAsync(OutboxRelay relay)
        {
            while (await relay.RunOnceAsync(CancellationToken.None) > 0)
            {
            }
        }

        await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        Assert.Equal(200, handler.Delivered.Count);
        Assert.All(handler.Delivered.Values, count => Assert.Equal(1, count));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_relay_that_died_holding_messages_loses_them_when_its_lease_ends(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var time = TestTime.Fake();
        var factory = database.CreateFactory();
        await EnqueueAsync(factory, time, 3);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"OutboxMessages\" SET \"LeaseOwner\" = {0}, \"LeaseUntil\" = {1}", ["crashed", time.GetUtcNow().UtcDateTime.AddSeconds(60)]);
        }

        var handler = new RecordingHandler();
        var relay = Relay(factory, handler, time);
        Assert.Equal(0, await relay.RunOnceAsync(CancellationToken.None));

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(3, await relay.RunOnceAsync(CancellationToken.None));
        Assert.Equal(3, handler.Delivered.Count);
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task A_permanent_refusal_is_dead_lettered_at_once_without_spending_retries(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);
        var time = TestTime.Fake();
        var handler = new RecordingHandler { Refuse = true };
        var factory = database.CreateFactory();
        await EnqueueAsync(factory, time, 2);

        Assert.Equal(2, await Relay(factory, handler, time).RunOnceAsync(CancellationToken.None));

        await using var db = await factory.CreateDbContextAsync();
        Assert.All(await db.OutboxMessages.ToListAsync(), message =>
        {
            Assert.Equal(OutboxStatus.DeadLettered, message.Status);
            Assert.Equal(1, message.Attempts);
            Assert.Equal("bad message", message.LastError);
        });
    }

    [Fact]
    public void Backoff_doubles_with_jitter_and_stops_at_the_cap()
    {
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var expected = Math.Min(Settings.BaseDelaySeconds * Math.Pow(2, attempt - 1), Settings.MaxDelaySeconds);
            var delay = OutboxRelay.Backoff(attempt, Settings).TotalSeconds;
            Assert.InRange(delay, expected * 0.5, expected * 1.5);
        }
    }

    private static async Task EnqueueAsync(IDbContextFactory<PortalDb> factory, TimeProvider time, int count)
    {
        await using var db = await factory.CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage(RecordingHandler.KindName, $"{{\"n\":{i}}}", $"test-{Guid.NewGuid():n}", time.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync();
    }

    private static OutboxRelay Relay(IDbContextFactory<PortalDb> factory, IOutboxHandler handler, TimeProvider time) =>
        new(factory, [handler], new FixedOptions(Settings), time, NullLogger<OutboxRelay>.Instance);

    private sealed class RecordingHandler : IOutboxHandler
    {
        public const string KindName = "test.deliver";

        public ConcurrentDictionary<Guid, int> Delivered { get; } = new();

        public int FailuresLeft { get; set; }

        public bool Refuse { get; set; }

        public string Kind => KindName;

        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (Refuse)
            {
                throw new PermanentDeliveryException("bad message");
            }

            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new HttpRequestException("receiver down");
            }

            Delivered.AddOrUpdate(message.Id, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }
    }

    private sealed class FixedOptions(OutboxOptions value) : IOptionsMonitor<OutboxOptions>
    {
        public OutboxOptions CurrentValue => value;

        public OutboxOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<OutboxOptions, string?> listener) => null;
    }
}
