using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.DingTalk.Client.Callbacks;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Events;
using Portal.DingTalk.Simulator;
using Portal.DingTalk.Simulator.Events;
using Portal.Tests.DingTalk.Events;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The simulator pushes org events (reference §8) whenever the organisation changes.</summary>
public sealed class OrgEventTests
{
    [Fact]
    public async Task Every_contacts_write_pushes_its_org_event_to_the_portal()
    {
        await using var portal = await KestrelPortal.StartAsync();
        var departments = portal.Get<DepartmentClient>();
        var users = portal.Get<UserClient>();

        var deptId = await departments.CreateAsync(new DepartmentCreateRequest("事件部", DepartmentClient.RootDeptId), default);
        await departments.UpdateAsync(new DepartmentUpdateRequest(deptId) { Name = "事件二部" }, default);
        var person = await users.CreateAsync(new UserCreateRequest("事件人", "13900000001", [deptId]), default);
        await users.UpdateAsync(new UserUpdateRequest(person.UserId) { Title = "工程师" }, default);
        await users.DeleteAsync(person.UserId, default);
        await departments.DeleteAsync(deptId, default);

        (string Type, string? User, long? Dept)[] expected =
        [
            (OrgEventTypes.OrgDeptCreate, null, deptId), (OrgEventTypes.OrgDeptModify, null, deptId),
            (OrgEventTypes.UserAddOrg, person.UserId, null), (OrgEventTypes.UserModifyOrg, person.UserId, null),
            (OrgEventTypes.UserLeaveOrg, person.UserId, null), (OrgEventTypes.OrgDeptRemove, null, deptId),
        ];
        foreach (var (type, user, dept) in expected)
        {
            var delivery = await EventDeliveries.WaitForAsync(portal, d => d.Concerns(type, user, dept), d => d.Callback() == "delivered", type);
            Assert.Equal(1, delivery.CallbackAttempts());
        }

        var inbox = await portal.InboxAsync();
        Assert.Equal(expected.Select(e => e.Type).Order(), inbox.Select(e => e.EventType).Order());
        Assert.All(inbox, received => Assert.Equal("http", received.Channel));
        Assert.Equal((1, 0), await portal.StatsAsync("oapi POST /topapi/v2/user/create"));
    }

    [Fact]
    public async Task The_control_API_pushes_any_org_event_and_refuses_what_is_not_one()
    {
        await using var portal = await KestrelPortal.StartAsync();

        var queued = await portal.PostJsonAsync("_dingtalk/_control/events", new { eventType = "user_active_org", userIds = new[] { "u-active" } });
        var eventId = queued.GetProperty("eventId").GetString();
        await EventDeliveries.WaitForAsync(portal, d => d.GetProperty("eventId").GetString() == eventId, d => d.Callback() == "delivered", "user_active_org");

        var received = Assert.Single(await portal.InboxAsync());
        Assert.Equal(OrgEventTypes.UserActiveOrg, received.EventType);
        Assert.Equal(["u-active"], OrgEventParser.Parse(received.Payload).UserIds);

        foreach (var body in new object[] { new { eventType = "bogus" }, new { eventType = "check_url" }, new { userIds = new[] { "u1" } } })
        {
            using var refused = await portal.Http.PostAsJsonAsync(new Uri("_dingtalk/_control/events", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invalidEventType", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_callback_is_encrypted_with_the_corpId_signed_and_shaped_as_DingTalk_documents_it()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:CallbackUrl"] = receiver.Url });

        var person = await portal.Get<UserClient>().CreateAsync(new UserCreateRequest("回调人", "13900000002", [1]), default);

        var callback = await receiver.NextAsync();
        Assert.True(callback.SignatureVerifies);
        Assert.Equal("receiver", callback.Source);
        Assert.Equal(SimulatorDefaults.CorpId, callback.OwnerKey);
        Assert.Equal(portal.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), callback.Timestamp);
        var body = callback.Event;
        Assert.Equal(["EventType", "EventTime", "CorpId", "eventId", "userId"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(OrgEventTypes.UserAddOrg, body.GetProperty("EventType").GetString());
        Assert.Equal(portal.Time.GetUtcNow().ToUnixTimeMilliseconds(), body.GetProperty("EventTime").GetInt64());
        Assert.Equal(SimulatorDefaults.CorpId, body.GetProperty("CorpId").GetString());
        Assert.Equal([person.UserId], body.GetProperty("userId").EnumerateArray().Select(id => id.GetString()));
    }

    [Fact]
    public async Task The_legacy_payload_style_is_one_setting_away()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?>
        {
            ["DingTalk:Simulator:CallbackUrl"] = receiver.Url,
            ["DingTalk:Simulator:CallbackPayloadStyle"] = "Legacy",
        });

        var deptId = await portal.Get<DepartmentClient>().CreateAsync(new DepartmentCreateRequest("旧格式部", DepartmentClient.RootDeptId), default);

        var body = (await receiver.NextAsync()).Event;
        Assert.Equal(["EventType", "CorpId", "TimeStamp", "DeptId"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(portal.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), body.GetProperty("TimeStamp").GetString());
        Assert.Equal([deptId], body.GetProperty("DeptId").EnumerateArray().Select(id => id.GetInt64()));
    }

    [Fact]
    public async Task The_call_that_changed_the_organisation_does_not_wait_for_the_callback()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Mode = CallbackReceiver.Answer.Hold;
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:CallbackUrl"] = receiver.Url });

        var person = await portal.Get<UserClient>().CreateAsync(new UserCreateRequest("不等人", "13900000003", [1]), default);

        // The create has answered while the receiver still holds the callback it caused.
        Assert.Equal(person.UserId, (await receiver.NextAsync()).Event.GetProperty("userId")[0].GetString());
        var held = Assert.Single(await EventDeliveries.AllAsync(portal));
        Assert.Equal("queued", held.Callback());

        receiver.Release();
        await EventDeliveries.WaitForAsync(portal, d => d.Concerns(OrgEventTypes.UserAddOrg), d => d.Callback() == "delivered", "the released callback");
    }

    [Fact]
    public async Task A_reply_other_than_the_encrypted_success_fails_and_is_retried_after_10_and_30_seconds()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Mode = CallbackReceiver.Answer.PlainSuccess;
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:CallbackUrl"] = receiver.Url });
        var start = portal.Time.GetUtcNow();

        await portal.PostJsonAsync("_dingtalk/_control/events", new { eventType = "org_dept_modify", deptIds = new[] { 7 } });
        var first = await receiver.NextAsync();
        await EventDeliveries.WaitForAsync(portal, d => d.Concerns(OrgEventTypes.OrgDeptModify), d => d.Callback() == "retrying", "the first failure");

        portal.Time.Advance(TimeSpan.FromSeconds(10));
        var second = await receiver.NextAsync();
        await EventDeliveries.WaitForAsync(portal, d => d.Concerns(OrgEventTypes.OrgDeptModify), d => d.CallbackAttempts() == 2, "the second failure");

        receiver.Mode = CallbackReceiver.Answer.Success;
        portal.Time.Advance(TimeSpan.FromSeconds(30));
        var third = await receiver.NextAsync();
        var delivered = await EventDeliveries.WaitForAsync(portal, d => d.Concerns(OrgEventTypes.OrgDeptModify), d => d.Callback() == "delivered", "the third attempt");

        Assert.Equal(3, delivered.CallbackAttempts());
        Assert.Equal(
            [start, start.AddSeconds(10), start.AddSeconds(40)],
            new[] { first, second, third }.Select(c => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(c.Timestamp!, CultureInfo.InvariantCulture))));
        Assert.Equal(first.Event.GetProperty("eventId").GetString(), third.Event.GetProperty("eventId").GetString());
        Assert.False((await portal.Get<CallbackClient>().GetFailedAsync(default)).Failed.Any());
    }

    [Fact]
    public async Task Failed_callbacks_are_handed_out_200_at_a_time_with_has_more()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:CallbackUrl"] = "" });
        var failed = portal.Get<SimulatorEvents>().Failed;
        for (var i = 0; i < FailedCallbackBook.PageSize + 1; i++)
        {
            var orgEvent = new SimulatedOrgEvent($"e{i}", OrgEventTypes.UserModifyOrg, [$"u{i}"], [], portal.Time.GetUtcNow());
            failed.Add(new UndeliveredCallback(orgEvent, $$"""{"EventType":"user_modify_org","userId":["u{{i}}"]}"""));
        }

        var callbacks = portal.Get<CallbackClient>();
        var first = await callbacks.GetFailedAsync(default);
        var second = await callbacks.GetFailedAsync(default);
        var third = await callbacks.GetFailedAsync(default);

        Assert.True(first.HasMore);
        Assert.Equal(FailedCallbackBook.PageSize, first.Failed.Count);
        Assert.Equal("u0", first.Failed[0].Payload!.Value.GetProperty("userId")[0].GetString());
        Assert.False(second.HasMore);
        Assert.Equal("u200", Assert.Single(second.Failed).Payload!.Value.GetProperty("userId")[0].GetString());
        Assert.Empty(third.Failed);
    }
}
