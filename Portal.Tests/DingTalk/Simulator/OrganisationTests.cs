using System.Text.Json;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The generated demo organisation, read through DingTalk's own contact APIs.</summary>
public sealed class OrganisationTests
{
    // Walking every department takes more calls per second than DingTalk allows; the limit has its own tests.
    private static readonly Dictionary<string, string?> Unlimited = new() { ["DingTalk:Simulator:EnforceLimits"] = "false" };

    [Fact]
    public async Task It_is_a_company_of_about_300_people_in_a_tree_four_levels_deep()
    {
        await using var host = await SimulatorHost.StartAsync(Unlimited);
        var token = await host.AppTokenAsync();
        var people = await host.PeopleAsync();

        var departments = new List<(long Id, int Depth, JsonElement Detail)>();
        await WalkAsync(1, 1);

        Assert.Equal(300, people.Count);
        Assert.True(departments.Max(d => d.Depth) >= 4);
        Assert.Contains(departments, d => d.Detail.GetProperty("name").GetString()!.EndsWith("事业部", StringComparison.Ordinal));
        Assert.Contains(departments, d => d.Depth == 4 && d.Detail.GetProperty("name").GetString()!.EndsWith('组'));
        Assert.All(departments, d => Assert.True(d.Detail.TryGetProperty("dept_manager_userid_list", out _), $"{d.Detail} has no leader"));
        Assert.Equal(300, departments[0].Detail.GetProperty("member_count").GetInt32());

        Assert.Equal(people.Count, people.Select(p => p.Mobile).Distinct().Count());
        Assert.All(people, p => Assert.Matches("^1[3-9][0-9]{9}$", p.Mobile));
        Assert.Equal(people.Count, people.Select(p => p.UserId).Distinct().Count());
        Assert.Equal(people.Count, people.Select(p => p.UnionId).Distinct().Count());
        Assert.All(people, p => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,3}$", p.Name));
        Assert.All(people, p => Assert.False(string.IsNullOrEmpty(p.Title)));
        Assert.InRange(people.Count(p => p.DeptIdList.Length > 1), 3, 60);
        Assert.InRange(people.Count(p => !p.Active), 2, 30);

        async Task WalkAsync(long deptId, int depth)
        {
            departments.Add((deptId, depth, await host.ResultAsync("topapi/v2/department/get", new { dept_id = deptId }, token)));
            var children = await host.ResultAsync("topapi/v2/department/listsubid", new { dept_id = deptId }, token);
            foreach (var child in children.GetProperty("dept_id_list").EnumerateArray())
            {
                await WalkAsync(child.GetInt64(), depth + 1);
            }
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_people_and_another_seed_others()
    {
        var small = new Dictionary<string, string?> { ["DingTalk:Simulator:People"] = "40", ["DingTalk:Simulator:Seed"] = "7" };
        await using var first = await SimulatorHost.StartAsync(small);
        await using var second = await SimulatorHost.StartAsync(small);
        await using var other = await SimulatorHost.StartAsync(new Dictionary<string, string?> { ["DingTalk:Simulator:People"] = "40", ["DingTalk:Simulator:Seed"] = "8" });

        var a = await first.PeopleAsync();
        var b = await second.PeopleAsync();
        var c = await other.PeopleAsync();

        Assert.Equal(40, a.Count);
        Assert.Equal(a.Select(p => (p.UserId, p.Name, p.Mobile)), b.Select(p => (p.UserId, p.Name, p.Mobile)));
        Assert.NotEqual(a.Select(p => p.Mobile), c.Select(p => p.Mobile));
    }
}
