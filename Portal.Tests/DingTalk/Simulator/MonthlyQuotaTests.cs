using System.Net;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Client.Messages;
using Portal.DingTalk.Client.Todo;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The organisation's monthly quota of non-exempt calls (reference §1), counted per China month.</summary>
public sealed class MonthlyQuotaTests
{
    [Fact]
    public async Task Past_the_quota_work_notifications_answer_90020_and_to_dos_403_until_the_next_China_month()
    {
        await using var host = await InboxTestKit.StartUnpacedAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:MonthlyCallQuota"] = "3" });
        var notifications = host.Client<WorkNotificationClient>();
        var person = (await host.ActivePeopleAsync())[0];
        var taskId = await host.SendTextAsync("本月第一条", person.UserId);
        await notifications.GetSendProgressAsync(taskId, CancellationToken.None);
        await notifications.GetSendResultAsync(taskId, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DingTalkException>(() => host.SendTextAsync("本月第四条", person.UserId));
        Assert.Equal(("90020", DingTalkErrorKind.QuotaExhausted), (refused.Code, refused.Kind));
        var todo = await Assert.ThrowsAsync<DingTalkException>(() => host.Client<TodoClient>().QueryAsync(person.UnionId, new TodoQuery(), CancellationToken.None));
        Assert.Equal(("Forbidden.AccessDenied.ApiCountLimitForOrg", (int)HttpStatusCode.Forbidden), (todo.Code, todo.HttpStatus));
        Assert.Equal(person.Name, (await host.Client<UserClient>().GetAsync(person.UserId, null, CancellationToken.None)).Name);
        Assert.Single(await host.TextsAsync(person.UserId));

        // 2026-12-01 00:00 in China is still November in UTC.
        host.Time.AdjustTime(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
        await host.SendTextAsync("下月第一条", person.UserId);
        Assert.Equal(2, (await host.TextsAsync(person.UserId)).Count);
    }

    [Fact]
    public async Task A_quota_of_0_set_through_the_control_API_never_runs_out()
    {
        await using var host = await InboxTestKit.StartUnpacedAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:MonthlyCallQuota"] = "1" });
        await host.SetFaultsAsync(new { monthlyCallQuota = 0 });
        var person = (await host.ActivePeopleAsync())[0].UserId;

        for (var number = 0; number < 5; number++)
        {
            await host.SendTextAsync($"第{number}条", person);
        }

        Assert.Equal(5, (await host.TextsAsync(person)).Count);
        Assert.Equal(0, (await host.GetJsonAsync("_dingtalk/_control/faults")).GetProperty("monthlyCallQuota").GetInt32());
    }
}
