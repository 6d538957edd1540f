using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The simulator's organisation outlives a restart of the portal.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task A_person_created_before_a_restart_is_still_there_after_it()
    {
        using var folder = new TemporaryFolder();
        string userId;
        await using (var before = await SimulatorHost.StartAsync(dataFolder: folder.Path))
        {
            var created = await before.ResultAsync("topapi/v2/user/create", new { name = "重启测试", mobile = "13900001111", dept_id_list = "1", title = "测试员" });
            userId = created.GetProperty("userid").GetString()!;
        }

        Assert.True(File.Exists(Path.Combine(folder.Path, SimulatorOptions.FileName)));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));

        await using var after = await SimulatorHost.StartAsync(dataFolder: folder.Path);
        var profile = await after.ResultAsync("topapi/v2/user/get", new { userid = userId });

        Assert.Equal("重启测试", profile.GetProperty("name").GetString());
        Assert.Equal("测试员", profile.GetProperty("title").GetString());
        Assert.Equal(301, (await after.PeopleAsync()).Count);
    }

    [Fact]
    public async Task An_unreadable_state_file_is_set_aside_and_a_new_organisation_generated()
    {
        using var folder = new TemporaryFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, SimulatorOptions.FileName), "{ not json");

        await using var host = await SimulatorHost.StartAsync(dataFolder: folder.Path);

        Assert.Equal(300, (await host.PeopleAsync()).Count);
        Assert.True(File.Exists(Path.Combine(folder.Path, SimulatorOptions.FileName + ".unreadable")));
    }
}

internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"))).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
