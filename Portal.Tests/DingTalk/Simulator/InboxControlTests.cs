using System.Net;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The control API's inbox endpoints, and inboxes kept with the organisation across restarts and cleared by a reset.</summary>
public sealed class InboxControlTests
{
    [Fact]
    public async Task Messages_come_newest_first_with_their_read_state_and_reading_one_stamps_the_time()
    {
        await using var host = await InboxTestKit.StartUnpacedAsync();
        var person = (await host.ActivePeopleAsync())[0].UserId;
        var older = await host.SendTextAsync("早上好", person);
        host.Time.Advance(TimeSpan.FromMinutes(3));
        await host.SendTextAsync("开会了", person);

        var messages = await host.MessagesAsync(person);
        Assert.Equal(["开会了", "早上好"], await host.TextsAsync(person));
        var oldest = messages[1];
        Assert.Equal((older, "text", false, false), (oldest.GetProperty("taskId").GetInt64(), oldest.GetProperty("msgType").GetString(), oldest.GetProperty("read").GetBoolean(), oldest.GetProperty("recalled").GetBoolean()));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        var read = await host.PostForJsonAsync($"_dingtalk/_control/users/{person}/messages/{oldest.GetProperty("id").GetInt64()}/read", new { });

        Assert.True(read.GetProperty("read").GetBoolean());
        Assert.Equal(host.Time.GetUtcNow(), read.GetProperty("readAt").GetDateTimeOffset());
        Assert.True((await host.MessagesAsync(person))[1].GetProperty("read").GetBoolean());
        Assert.False((await host.MessagesAsync(person))[0].GetProperty("read").GetBoolean());
    }

    [Theory]
    [InlineData("_dingtalk/_control/users/nobody/messages", "userNotFound")]
    [InlineData("_dingtalk/_control/users/nobody/todos", "userNotFound")]
    [InlineData("_dingtalk/_control/users/nobody/dings", "userNotFound")]
    public async Task An_unknown_person_is_a_404_problem(string path, string code)
    {
        await using var host = await SimulatorHost.StartAsync();

        var reply = await host.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal(code, (await SimulatorHost.ReadJsonAsync(reply)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reading_an_unknown_message_is_a_404_problem()
    {
        await using var host = await SimulatorHost.StartAsync();
        var person = (await host.PeopleAsync())[0].UserId;

        var reply = await host.PostJsonAsync($"_dingtalk/_control/users/{person}/messages/999/read", new { });

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal("messageNotFound", (await SimulatorHost.ReadJsonAsync(reply)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Inboxes_outlive_a_restart_and_a_reset_empties_them()
    {
        using var folder = new TemporaryFolder();
        string person;
        await using (var before = await InboxTestKit.StartUnpacedAsync(dataFolder: folder.Path))
        {
            person = (await before.ActivePeopleAsync())[0].UserId;
            await before.SendTextAsync("重启前的通知", person);
        }

        await using var after = await InboxTestKit.StartUnpacedAsync(dataFolder: folder.Path);
        Assert.Equal(["重启前的通知"], await after.TextsAsync(person));
        var duplicate = await after.SendTextAsync("重启前的通知", person);
        Assert.Single(await after.TextsAsync(person));
        Assert.NotEqual(0, duplicate);

        (await after.PostJsonAsync("_dingtalk/_control/reset", new { })).EnsureSuccessStatusCode();

        Assert.Empty(await after.TextsAsync(person));
        Assert.True(File.Exists(Path.Combine(folder.Path, SimulatorOptions.FileName)));
    }
}
