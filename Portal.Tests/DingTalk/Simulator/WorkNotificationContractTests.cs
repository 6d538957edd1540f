using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Messages;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The typed WorkNotificationClient against the simulator over real HTTP (reference §4).</summary>
public sealed class WorkNotificationContractTests : IAsyncLifetime
{
    private SimulatorHost host = null!;

    private WorkNotificationClient Client => host.Client<WorkNotificationClient>();

    public async Task InitializeAsync() => host = await InboxTestKit.StartUnpacedAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_notification_to_users_lands_unread_in_each_inbox_and_unknown_ids_are_reported_invalid()
    {
        var people = await host.ActivePeopleAsync();
        var (first, second) = (people[3].UserId, people[4].UserId);

        var taskId = await Client.SendAsync(new WorkNotification(WorkMessage.ForText("周五下午三点全员大会")) { UserIds = [first, second, "nobody"] }, CancellationToken.None);

        Assert.True(taskId > 0);
        Assert.Equal(["周五下午三点全员大会"], await host.TextsAsync(first));
        Assert.Equal(["周五下午三点全员大会"], await host.TextsAsync(second));
        var progress = await Client.GetSendProgressAsync(taskId, CancellationToken.None);
        Assert.Equal((100, 2), (progress.ProgressInPercent, progress.Status));
        var result = await Client.GetSendResultAsync(taskId, CancellationToken.None);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), result.UnreadUserIds.Order(StringComparer.Ordinal));
        Assert.Equal(["nobody"], result.InvalidUserIds);
        Assert.Empty(result.ReadUserIds);
        Assert.Empty(result.ForbiddenList);
    }

    [Fact]
    public async Task Opening_a_message_moves_its_reader_to_the_read_list()
    {
        var people = await host.ActivePeopleAsync();
        var (reader, other) = (people[5].UserId, people[6].UserId);
        var taskId = await Client.SendAsync(new WorkNotification(WorkMessage.ForText("请查收本月工资条")) { UserIds = [reader, other] }, CancellationToken.None);
        var messageId = (await host.MessagesAsync(reader))[0].GetProperty("id").GetInt64();

        await host.PostForJsonAsync($"_dingtalk/_control/users/{reader}/messages/{messageId}/read", new { });

        var result = await Client.GetSendResultAsync(taskId, CancellationToken.None);
        Assert.Equal([reader], result.ReadUserIds);
        Assert.Equal([other], result.UnreadUserIds);
    }

    [Fact]
    public async Task A_department_includes_everyone_active_in_its_sub_departments_and_unknown_departments_are_reported()
    {
        var department = await DepartmentWithSubDepartmentsAsync();
        var subtree = await SubtreeAsync(department);
        var members = (await host.ActivePeopleAsync()).Where(p => p.DeptIdList.Any(subtree.Contains)).ToList();
        var expected = members.Select(p => p.UserId).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(members, p => !p.DeptIdList.Contains(department));

        var taskId = await Client.SendAsync(new WorkNotification(WorkMessage.ForText("部门周会改到周四")) { DeptIds = [department, 4242] }, CancellationToken.None);

        var result = await Client.GetSendResultAsync(taskId, CancellationToken.None);
        Assert.Equal(expected, result.UnreadUserIds.Order(StringComparer.Ordinal));
        Assert.Equal([4242L], result.InvalidDeptIds);
    }

    [Fact]
    public async Task To_all_users_reaches_every_active_person_and_nobody_inactive()
    {
        var everyone = await host.PeopleAsync();
        var active = everyone.First(p => p.Active);
        var inactive = everyone.First(p => !p.Active);

        var taskId = await Client.SendAsync(new WorkNotification(WorkMessage.ForText("国庆放假通知")) { ToAllUsers = true }, CancellationToken.None);

        Assert.Equal(["国庆放假通知"], await host.TextsAsync(active.UserId));
        Assert.Empty(await host.TextsAsync(inactive.UserId));
        var result = await Client.GetSendResultAsync(taskId, CancellationToken.None);
        Assert.Empty(result.UnreadUserIds);
        Assert.Empty(result.ForbiddenUserIds);
    }

    [Fact]
    public async Task A_recall_within_24_hours_withdraws_every_copy_and_a_later_one_is_refused()
    {
        var person = (await host.ActivePeopleAsync())[7].UserId;
        var recalled = await host.SendTextAsync("这条发错了", person);
        var kept = await host.SendTextAsync("这条要保留", person);

        await Client.RecallAsync(recalled, CancellationToken.None);

        var messages = (await host.MessagesAsync(person)).EnumerateArray().ToList();
        Assert.True(messages.Single(m => m.GetProperty("taskId").GetInt64() == recalled).GetProperty("recalled").GetBoolean());
        Assert.False(messages.Single(m => m.GetProperty("taskId").GetInt64() == kept).GetProperty("recalled").GetBoolean());

        host.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var late = await Assert.ThrowsAsync<DingTalkException>(() => Client.RecallAsync(kept, CancellationToken.None));
        Assert.Equal("40035", late.Code);
        await Assert.ThrowsAsync<DingTalkException>(() => Client.GetSendResultAsync(kept, CancellationToken.None));
    }

    [Fact]
    public async Task The_status_bar_of_an_oa_message_to_a_few_people_can_be_updated()
    {
        var person = (await host.ActivePeopleAsync())[8].UserId;
        var oa = new OaContent("http://127.0.0.1/approvals/42", new OaHead("FFBBBBBB", "审批"), new OaBody { Title = "报销申请", Form = [new OaFormRow("金额", "¥1,200.00")] })
        {
            StatusBar = new OaStatusBar("待审批", "FFFF9900"),
        };
        var taskId = await Client.SendAsync(new WorkNotification(WorkMessage.ForOa(oa)) { UserIds = [person] }, CancellationToken.None);

        await Client.UpdateStatusBarAsync(taskId, "已同意", "FF78C06E", CancellationToken.None);

        var statusBar = (await host.MessagesAsync(person))[0].GetProperty("message").GetProperty("oa").GetProperty("status_bar");
        Assert.Equal("已同意", statusBar.GetProperty("status_value").GetString());
        Assert.Equal("FF78C06E", statusBar.GetProperty("status_bg").GetString());
    }

    [Fact]
    public async Task An_oa_message_to_a_department_shows_no_status_bar_and_cannot_update_one()
    {
        var department = await DepartmentWithSubDepartmentsAsync();
        var oa = new OaContent("http://127.0.0.1/approvals/43", new OaHead("FFBBBBBB", "审批"), new OaBody { Title = "加班申请" })
        {
            StatusBar = new OaStatusBar("待审批", null),
        };
        var taskId = await Client.SendAsync(new WorkNotification(WorkMessage.ForOa(oa)) { DeptIds = [department] }, CancellationToken.None);

        var result = await Client.GetSendResultAsync(taskId, CancellationToken.None);
        var oaShown = (await host.MessagesAsync(result.UnreadUserIds[0]))[0].GetProperty("message").GetProperty("oa");
        Assert.False(oaShown.TryGetProperty("status_bar", out _));
        await Assert.ThrowsAsync<DingTalkException>(() => Client.UpdateStatusBarAsync(taskId, "已同意", null, CancellationToken.None));
    }

    private async Task<long> DepartmentWithSubDepartmentsAsync()
    {
        var centre = (await host.ResultAsync("topapi/v2/department/listsubid", new { dept_id = 1 })).GetProperty("dept_id_list")[0].GetInt64();
        return (await host.ResultAsync("topapi/v2/department/listsubid", new { dept_id = centre })).GetProperty("dept_id_list")[0].GetInt64();
    }

    private async Task<HashSet<long>> SubtreeAsync(long department)
    {
        var subtree = new HashSet<long> { department };
        var children = await host.ResultAsync("topapi/v2/department/listsubid", new { dept_id = department });
        foreach (var child in children.GetProperty("dept_id_list").EnumerateArray().Select(c => c.GetInt64()))
        {
            subtree.UnionWith(await SubtreeAsync(child));
        }

        return subtree;
    }
}
