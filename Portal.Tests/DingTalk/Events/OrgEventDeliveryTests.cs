using Portal.DingTalk.Client.Callbacks;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Events;
using Portal.DingTalk.Simulator;
using Portal.DingTalk.Simulator.Stream;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.DingTalk.Events;

/// <summary>A change in the simulated organisation reaches the portal's inbox once, whichever channel carries it.</summary>
public sealed class OrgEventDeliveryTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_person_added_through_the_contacts_API_reaches_the_inbox_once_by_HTTP_callback(DatabaseProvider provider)
    {
        await using var portal = await KestrelPortal.StartAsync(provider: provider);

        var person = await portal.Get<UserClient>().CreateAsync(new UserCreateRequest("新同事", "13700000001", [1]), default);

        var delivery = await EventDeliveries.WaitForAsync(
            portal, d => d.Concerns(OrgEventTypes.UserAddOrg, person.UserId), d => d.Callback() == "delivered", "the callback");
        var received = Assert.Single(await portal.InboxAsync());
        Assert.Equal((OrgEventTypes.UserAddOrg, "http"), (received.EventType, received.Channel));
        var orgEvent = OrgEventParser.Parse(received.Payload);
        Assert.Equal([person.UserId], orgEvent.UserIds);
        Assert.Equal(SimulatorDefaults.CorpId, orgEvent.CorpId);
        Assert.Equal(delivery.GetProperty("eventId").GetString(), orgEvent.EventId);
    }

    [Fact]
    public async Task With_Stream_on_and_callbacks_off_a_new_department_reaches_the_inbox_once_by_Stream()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?>
        {
            ["DingTalk:Stream:Enabled"] = "true",
            ["DingTalk:Simulator:CallbackUrl"] = "",
        });
        await WaitForStreamClientAsync(portal);

        var deptId = await portal.Get<DepartmentClient>().CreateAsync(new DepartmentCreateRequest("流式部", DepartmentClient.RootDeptId), default);

        var delivery = await EventDeliveries.WaitForAsync(
            portal, d => d.Concerns(OrgEventTypes.OrgDeptCreate, deptId: deptId), d => d.GetProperty("streamAcknowledged").GetBoolean(), "the Stream ack");
        Assert.Equal("off", delivery.Callback());
        Assert.Equal(1, delivery.GetProperty("streamClients").GetInt32());
        var received = Assert.Single(await portal.InboxAsync());
        Assert.Equal((OrgEventTypes.OrgDeptCreate, "stream"), (received.EventType, received.Channel));
        var data = OrgEventParser.Parse(received.Payload);
        Assert.Equal(OrgEventKind.Unknown, data.Kind);
        Assert.Equal([deptId], data.DeptIds);
    }

    [Fact]
    public async Task Over_both_channels_at_once_an_event_is_still_recorded_once()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Stream:Enabled"] = "true" });
        await WaitForStreamClientAsync(portal);

        var person = await portal.Get<UserClient>().CreateAsync(new UserCreateRequest("双通道", "13700000002", [1]), default);

        await EventDeliveries.WaitForAsync(
            portal,
            d => d.Concerns(OrgEventTypes.UserAddOrg, person.UserId),
            d => d.Callback() == "delivered" && d.GetProperty("streamAcknowledged").GetBoolean(),
            "both channels");
        Assert.Equal(OrgEventTypes.UserAddOrg, Assert.Single(await portal.InboxAsync()).EventType);
    }

    [Fact]
    public async Task A_callback_the_portal_refuses_is_retried_then_listed_for_get_call_back_failed_result()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:CallbackToken"] = "notTheToken1" });

        await portal.Get<UserClient>().DeleteAsync((await FirstPersonAsync(portal)).UserId, default);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var expected = attempt;
            var delivery = await EventDeliveries.WaitForAsync(
                portal, d => d.Concerns(OrgEventTypes.UserLeaveOrg), d => d.CallbackAttempts() == expected, $"attempt {attempt}");
            Assert.Equal(attempt < 3 ? "retrying" : "failed", delivery.Callback());
            Assert.Equal("HTTP 401", delivery.GetProperty("callbackError").GetString());
            if (attempt < 3)
            {
                portal.Time.Advance(TimeSpan.FromSeconds(attempt == 1 ? 10 : 30));
            }
        }

        var page = await portal.Get<CallbackClient>().GetFailedAsync(default);
        var failed = Assert.Single(page.Failed);
        Assert.False(page.HasMore);
        Assert.Equal(OrgEventTypes.UserLeaveOrg, failed.Tag);
        Assert.Equal(OrgEventTypes.UserLeaveOrg, failed.Payload!.Value.GetProperty("EventType").GetString());
        Assert.Empty((await portal.Get<CallbackClient>().GetFailedAsync(default)).Failed);
        Assert.Empty(await portal.InboxAsync());
    }

    private static async Task WaitForStreamClientAsync(KestrelPortal portal) =>
        await KestrelPortal.EventuallyAsync(
            () => Task.FromResult(portal.Get<StreamGateway>().Connections.Count),
            count => count == 1,
            "the portal's Stream connection");

    private static async Task<DingTalkUser> FirstPersonAsync(KestrelPortal portal) =>
        (await portal.Get<UserClient>().ListAsync(1, 0, 1, null, default)).Users[0];
}
