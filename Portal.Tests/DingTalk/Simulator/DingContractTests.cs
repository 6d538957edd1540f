using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Ding;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The typed DingClient against the simulator over real HTTP (reference §5): DINGs land per receiver.</summary>
public sealed class DingContractTests : IAsyncLifetime
{
    private SimulatorHost host = null!;

    private DingClient Client => host.Client<DingClient>();

    public async Task InitializeAsync() => host = await InboxTestKit.StartUnpacedAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_DING_reaches_each_receiver_unknown_ones_are_listed_as_failed_and_a_recall_withdraws_it()
    {
        var people = await host.ActivePeopleAsync();
        var (first, second) = (people[0].UserId, people[1].UserId);

        var sent = await Client.SendAsync(new DingSendRequest(SimulatorDefaults.AppKey, DingRemindType.App, [first, second, "nobody"], "紧急：服务器告警"), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(sent.OpenDingId));
        Assert.Equal(["nobody"], Assert.Single(sent.FailedList!).Value);
        foreach (var receiver in new[] { first, second })
        {
            var ding = Assert.Single((await DingsAsync(receiver)).EnumerateArray());
            Assert.Equal(("紧急：服务器告警", 1, false), (ding.GetProperty("content").GetString(), ding.GetProperty("remindType").GetInt32(), ding.GetProperty("recalled").GetBoolean()));
        }

        await Client.RecallAsync(SimulatorDefaults.AppKey, sent.OpenDingId, CancellationToken.None);

        Assert.True((await DingsAsync(first))[0].GetProperty("recalled").GetBoolean());
        Assert.True((await DingsAsync(second))[0].GetProperty("recalled").GetBoolean());
    }

    [Fact]
    public async Task Another_robot_code_is_an_invalid_chatbot_id()
    {
        var person = (await host.ActivePeopleAsync())[0].UserId;

        var refused = await Assert.ThrowsAsync<DingTalkException>(() =>
            Client.SendAsync(new DingSendRequest("someOtherRobot", DingRemindType.App, [person], "你好"), CancellationToken.None));

        Assert.Equal(("invalid.chatbotId", DingTalkErrorKind.BadRequest), (refused.Code, refused.Kind));
    }

    [Fact]
    public async Task More_than_20_receivers_of_an_SMS_DING_exceed_the_receiver_limit()
    {
        var receivers = (await host.ActivePeopleAsync()).Take(21).Select(p => p.UserId).ToList();

        var refused = await Assert.ThrowsAsync<DingTalkException>(() =>
            Client.SendAsync(new DingSendRequest(SimulatorDefaults.AppKey, DingRemindType.Sms, receivers, "短信提醒"), CancellationToken.None));

        Assert.Equal("ding.receivercount.limit", refused.Code);
        var accepted = await Client.SendAsync(new DingSendRequest(SimulatorDefaults.AppKey, DingRemindType.App, receivers, "应用内提醒"), CancellationToken.None);
        Assert.Null(accepted.FailedList);
    }

    private Task<System.Text.Json.JsonElement> DingsAsync(string userId) => host.GetJsonAsync($"_dingtalk/_control/users/{userId}/dings");
}
