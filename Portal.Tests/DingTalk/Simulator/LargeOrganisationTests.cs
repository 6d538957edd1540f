using System.Net;
using System.Net.Http.Json;
using Portal.DingTalk.Client.Messages;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The simulator at the size of a large company, and an organisation loaded through the control API.</summary>
public sealed class LargeOrganisationTests
{
    [Fact]
    public async Task A_message_to_everyone_in_an_organisation_of_100000_reaches_each_active_person_once()
    {
        await using var host = await InboxTestKit.StartUnpacedAsync();
        using (var reset = await host.PostJsonAsync("_dingtalk/_control/reset", new { people = SimulatorOptions.MaxPeople }))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        var client = host.Client<WorkNotificationClient>();
        var message = WorkMessage.ForText("全员大会将于周五下午三点召开");
        var first = await client.SendAsync(new WorkNotification(message) { ToAllUsers = true }, CancellationToken.None);
        var again = await client.SendAsync(new WorkNotification(message) { ToAllUsers = true }, CancellationToken.None);

        var people = host.Client<SimulatedInboxes>().People();
        Assert.Equal(SimulatorOptions.MaxPeople, people.Count);
        var inboxes = host.Client<SimulatedInboxes>();
        var active = people.Where(p => p.Active).ToList();
        Assert.True(active.Count > 90_000, $"{active.Count} active");
        Assert.All(active, p => Assert.Equal(first, Assert.Single(inboxes.Messages(p.UserId)!).TaskId));
        Assert.All(people.Where(p => !p.Active), p => Assert.Empty(inboxes.Messages(p.UserId)!));

        // The repeat was dropped for every one of them, as the same content on the same China day.
        var repeat = await client.GetSendResultAsync(again, CancellationToken.None);
        Assert.Equal(active.Count, repeat.ForbiddenList.Count);
        Assert.All(repeat.ForbiddenList, drop => Assert.Equal("143106", drop.Code));
    }

    [Fact]
    public async Task A_loaded_organisation_replaces_the_generated_one_and_departments_reach_their_subtrees()
    {
        await using var host = await InboxTestKit.StartUnpacedAsync();
        var organisation = new
        {
            corpName = "测试公司",
            departments = new object[]
            {
                new { id = 1, name = "测试公司" },
                new { id = 10, name = "研发部", parentId = 1 },
                new { id = 11, name = "平台组", parentId = 10 },
                new { id = 20, name = "市场部", parentId = 1 },
            },
            people = new object[]
            {
                new { userId = "dev1", name = "开发一", deptIds = new[] { 11 } },
                new { userId = "dev2", name = "开发二", deptIds = new[] { 10, 20 } },
                new { userId = "mkt1", name = "市场一", deptIds = new[] { 20 } },
                new { userId = "left", name = "已离职", deptIds = new[] { 11 }, active = false },
            },
        };
        using (var loaded = await host.Http.PutAsJsonAsync(new Uri("_dingtalk/_control/organisation", UriKind.Relative), organisation))
        {
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }

        Assert.Equal(["dev1", "dev2", "mkt1", "left"], (await host.PeopleAsync()).Select(p => p.UserId));
        await host.Client<WorkNotificationClient>().SendAsync(new WorkNotification(WorkMessage.ForText("研发周会")) { DeptIds = [10] }, CancellationToken.None);

        Assert.Single(await host.TextsAsync("dev1"));
        Assert.Single(await host.TextsAsync("dev2"));
        Assert.Empty(await host.TextsAsync("mkt1"));
        Assert.Empty(await host.TextsAsync("left"));
    }

    [Theory]
    [InlineData("""{"departments":[{"id":2,"name":"无根","parentId":1}],"people":[{"userId":"a","name":"甲","deptIds":[2]}]}""", "invalidDepartment")]
    [InlineData("""{"departments":[{"id":1,"name":"根"},{"id":2,"name":"环","parentId":3},{"id":3,"name":"环","parentId":2}],"people":[{"userId":"a","name":"甲","deptIds":[1]}]}""", "invalidDepartment")]
    [InlineData("""{"departments":[{"id":1,"name":"根"}],"people":[{"userId":"a","name":"甲","deptIds":[9]}]}""", "invalidPerson")]
    [InlineData("""{"departments":[{"id":1,"name":"根"}],"people":[{"userId":"a","name":"甲","deptIds":[1]},{"userId":"a","name":"乙","deptIds":[1]}]}""", "invalidPerson")]
    [InlineData("""{"departments":[{"id":1,"name":"根"}],"people":[]}""", "invalidPeople")]
    public async Task An_organisation_that_does_not_hold_together_is_refused_and_the_old_one_kept(string body, string code)
    {
        await using var host = await InboxTestKit.StartUnpacedAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var refused = await host.Http.PutAsync(new Uri("_dingtalk/_control/organisation", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(code, (await SimulatorHost.ReadJsonAsync(refused)).GetProperty("code").GetString());
        Assert.Equal(300, (await host.PeopleAsync()).Count);
    }
}
