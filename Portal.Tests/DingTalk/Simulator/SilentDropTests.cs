using Portal.DingTalk.Client.Messages;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>
/// DingTalk's silent drops (reference §4): the call succeeds, the dropped recipient shows in the
/// send result's forbidden list and never sees the message. Days are China days (UTC+8).
/// </summary>
public sealed class SilentDropTests
{
    // The tests' clock starts at 2026-11-02 01:30 UTC, 09:30 in China; the China day ends at 16:00 UTC.
    private static readonly DateTimeOffset LastMinuteOfChinaDay = new(2026, 11, 2, 15, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextChinaDay = new(2026, 11, 2, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_same_content_reaches_a_person_once_per_China_day()
    {
        await using var host = await InboxTestKit.StartUnpacedAsync();
        var client = host.Client<WorkNotificationClient>();
        var people = await host.ActivePeopleAsync();
        var (repeat, fresh) = (people[10].UserId, people[11].UserId);
        await host.SendTextAsync("请于今天18:00前提交周报", repeat);

        var second = await host.SendTextAsync("请于今天18:00前提交周报", repeat, fresh);

        var result = await client.GetSendResultAsync(second, CancellationToken.None);
        Assert.Equal([repeat], result.ForbiddenUserIds);
        var drop = Assert.Single(result.ForbiddenList);
        Assert.Equal(("143106", repeat, 1), (drop.Code, drop.UserId, drop.Count));
        Assert.Equal([fresh], result.UnreadUserIds);
        Assert.Single(await host.TextsAsync(repeat));
        Assert.Single(await host.TextsAsync(fresh));

        host.Time.AdjustTime(LastMinuteOfChinaDay);
        var sameDay = await host.SendTextAsync("请于今天18:00前提交周报", repeat);
        Assert.Equal([repeat], (await client.GetSendResultAsync(sameDay, CancellationToken.None)).ForbiddenUserIds);

        host.Time.AdjustTime(NextChinaDay);
        var nextDay = await host.SendTextAsync("请于今天18:00前提交周报", repeat);
        Assert.Empty((await client.GetSendResultAsync(nextDay, CancellationToken.None)).ForbiddenUserIds);
        Assert.Equal(2, (await host.TextsAsync(repeat)).Count);
    }

    [Fact]
    public async Task The_501st_message_of_a_China_day_is_dropped_with_143105()
    {
        // DingTalk's 20 calls per second per API would stop a burst long before 500; this test is about the daily cap.
        await using var host = await InboxTestKit.StartUnpacedAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:QpsPerApi"] = "1000" });
        var client = host.Client<WorkNotificationClient>();
        var person = (await host.ActivePeopleAsync())[12].UserId;
        for (var number = 1; number <= 500; number++)
        {
            await host.SendTextAsync($"第{number}条提醒", person);
        }

        var excess = await host.SendTextAsync("第501条提醒", person);

        var result = await client.GetSendResultAsync(excess, CancellationToken.None);
        var drop = Assert.Single(result.ForbiddenList);
        Assert.Equal(("143105", person, 500), (drop.Code, drop.UserId, drop.Count));
        Assert.Empty(result.UnreadUserIds);
        var texts = await host.TextsAsync(person);
        Assert.Equal(500, texts.Count);
        Assert.DoesNotContain("第501条提醒", texts);

        host.Time.AdjustTime(NextChinaDay);
        var tomorrow = await host.SendTextAsync("第501条提醒", person);
        Assert.Empty((await client.GetSendResultAsync(tomorrow, CancellationToken.None)).ForbiddenList);
    }

    [Fact]
    public async Task Switched_off_by_option_or_control_API_nothing_is_dropped()
    {
        await using var byOption = await InboxTestKit.StartUnpacedAsync(new Dictionary<string, string?>
        {
            ["DingTalk:Simulator:DropRepeatedMessages"] = "false",
            ["DingTalk:Simulator:DailyMessagesPerUser"] = "0",
        });
        await using var byControl = await InboxTestKit.StartUnpacedAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:DailyMessagesPerUser"] = "1" });
        await byControl.SetFaultsAsync(new { dropRepeatedMessages = false, dailyMessagesPerUser = 0 });

        var faults = await byControl.GetJsonAsync("_dingtalk/_control/faults");
        Assert.False(faults.GetProperty("dropRepeatedMessages").GetBoolean());
        Assert.Equal(0, faults.GetProperty("dailyMessagesPerUser").GetInt32());

        var byOptionPerson = (await byOption.ActivePeopleAsync())[0].UserId;
        for (var number = 0; number < 3; number++)
        {
            await byOption.SendTextAsync("同一条", byOptionPerson);
        }

        Assert.Equal(3, (await byOption.TextsAsync(byOptionPerson)).Count);

        var byControlPerson = (await byControl.ActivePeopleAsync())[0].UserId;
        await byControl.SendTextAsync("同一条", byControlPerson);
        await byControl.SendTextAsync("同一条", byControlPerson);
        await byControl.SendTextAsync("另一条", byControlPerson);
        Assert.Equal(3, (await byControl.TextsAsync(byControlPerson)).Count);
    }

    [Fact]
    public async Task With_limits_on_oversized_recipient_lists_are_refused_and_with_limits_off_accepted()
    {
        await using var limited = await SimulatorHost.StartAsync();
        await using var unlimited = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:EnforceLimits"] = "false" });
        var tooManyUsers = string.Join(',', Enumerable.Range(0, 101).Select(i => $"u{i}"));
        var tooManyDepartments = string.Join(',', Enumerable.Range(1, 21));
        var message = new { msgtype = "text", text = new { content = "名单过长" } };

        foreach (var (host, expected) in new[] { (limited, 40035), (unlimited, 0) })
        {
            var users = await host.TopAsync("topapi/message/corpconversation/asyncsend_v2", new { agent_id = 100000001, userid_list = tooManyUsers, msg = message });
            var departments = await host.TopAsync("topapi/message/corpconversation/asyncsend_v2", new { agent_id = 100000001, dept_id_list = tooManyDepartments, msg = message });

            Assert.Equal(expected, users.GetProperty("errcode").GetInt32());
            Assert.Equal(expected, departments.GetProperty("errcode").GetInt32());
        }
    }
}
