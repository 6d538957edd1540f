using System.Text.Json;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>Contact reads and writes (§7): paging, department and person changes, DingTalk's error codes.</summary>
public sealed class ContactsTests : IAsyncLifetime
{
    private SimulatorHost host = null!;
    private string token = "";

    public async Task InitializeAsync()
    {
        host = await SimulatorHost.StartAsync();
        token = await host.AppTokenAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task User_list_pages_with_cursor_and_size_until_has_more_is_false()
    {
        var team = await BiggestTeamAsync();
        var ids = (await Result("topapi/user/listid", new { dept_id = team })).GetProperty("userid_list").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(ids.Count >= 4, $"team {team} has only {ids.Count} people");

        var paged = new List<string?>();
        long cursor = 0;
        while (true)
        {
            var page = await Result("topapi/v2/user/list", new { dept_id = team, cursor, size = 3 });
            var list = page.GetProperty("list").EnumerateArray().ToList();
            Assert.All(list, entry => Assert.True(entry.TryGetProperty("dept_order", out _) && entry.TryGetProperty("leader", out _)));
            paged.AddRange(list.Select(entry => entry.GetProperty("userid").GetString()));
            if (!page.GetProperty("has_more").GetBoolean())
            {
                Assert.False(page.TryGetProperty("next_cursor", out _));
                break;
            }

            Assert.Equal(3, list.Count);
            cursor = page.GetProperty("next_cursor").GetInt64();
        }

        Assert.Equal(ids, paged);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_page_size_outside_1_to_100_is_refused(int size)
    {
        var reply = await host.TopAsync("topapi/v2/user/list", new { dept_id = 1, cursor = 0, size }, token);

        Assert.Equal(40035, reply.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task Departments_are_created_renamed_moved_and_deleted_with_DingTalk_rules()
    {
        var created = (await Result("topapi/v2/department/create", new { name = "创新实验室", parent_id = 1 })).GetProperty("dept_id").GetInt64();
        var child = (await Result("topapi/v2/department/create", new { name = "原型组", parent_id = created })).GetProperty("dept_id").GetInt64();

        Assert.Equal(60008, await Code("topapi/v2/department/create", new { name = "创新实验室", parent_id = 1 }));
        Assert.Equal(60001, await Code("topapi/v2/department/create", new { name = "研发-二部", parent_id = 1 }));
        Assert.Equal(60004, await Code("topapi/v2/department/create", new { name = "孤儿部", parent_id = 999 }));
        Assert.Equal(60010, await Code("topapi/v2/department/update", new { dept_id = created, parent_id = child }));
        Assert.Equal(60006, await Code("topapi/v2/department/delete", new { dept_id = created }));
        Assert.Equal(60018, await Code("topapi/v2/department/delete", new { dept_id = 1 }));
        Assert.Equal(60003, await Code("topapi/v2/department/get", new { dept_id = 999 }));

        Assert.Equal(0, await Code("topapi/v2/department/update", new { dept_id = child, name = "原型设计组" }));
        var listed = await Result("topapi/v2/department/listsub", new { dept_id = created });
        Assert.Equal("原型设计组", listed.EnumerateArray().Single().GetProperty("name").GetString());

        var person = (await Result("topapi/v2/user/create", new { name = "新同事", mobile = "13912345678", dept_id_list = $"{child}" })).GetProperty("userid").GetString();
        Assert.Equal(60005, await Code("topapi/v2/department/delete", new { dept_id = child }));
        Assert.Equal(0, await Code("topapi/v2/department/update", new { dept_id = child, dept_manager_userid_list = person }));
        var detail = await Result("topapi/v2/department/get", new { dept_id = child });
        Assert.Equal(person, detail.GetProperty("dept_manager_userid_list").EnumerateArray().Single().GetString());

        Assert.Equal(0, await Code("topapi/v2/user/delete", new { userid = person }));
        Assert.Equal(0, await Code("topapi/v2/department/delete", new { dept_id = child }));
        Assert.Equal(0, await Code("topapi/v2/department/delete", new { dept_id = created }));
        Assert.Equal(60003, await Code("topapi/v2/department/get", new { dept_id = created }));
    }

    [Fact]
    public async Task People_are_created_found_updated_and_deleted_with_DingTalk_rules()
    {
        var existing = (await host.PeopleAsync()).First(p => p.Active);
        var created = await Result("topapi/v2/user/create", new { userid = "sim-new-hire", name = "王小明", mobile = "13800138000", dept_id_list = new[] { 1 }, email = "xiaoming@example.com" });
        Assert.Equal("sim-new-hire", created.GetProperty("userid").GetString());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("unionId").GetString()));

        Assert.Equal(60102, await Code("topapi/v2/user/create", new { userid = "sim-new-hire", name = "重复", mobile = "13800138001", dept_id_list = "1" }));
        Assert.Equal(60104, await Code("topapi/v2/user/create", new { name = "撞号", mobile = existing.Mobile, dept_id_list = "1" }));
        Assert.Equal(60103, await Code("topapi/v2/user/create", new { name = "坏号", mobile = "12345", dept_id_list = "1" }));
        Assert.Equal(60106, await Code("topapi/v2/user/create", new { name = "撞邮箱", mobile = "13800138002", dept_id_list = "1", email = "xiaoming@example.com" }));
        Assert.Equal(60003, await Code("topapi/v2/user/create", new { name = "无部门", mobile = "13800138003", dept_id_list = "424242" }));
        Assert.Equal(60112, await Code("topapi/v2/user/create", new { mobile = "13800138004", dept_id_list = "1" }));

        Assert.Equal("sim-new-hire", (await Result("topapi/v2/user/getbymobile", new { mobile = "13800138000" })).GetProperty("userid").GetString());
        Assert.Equal(60121, await Code("topapi/v2/user/getbymobile", new { mobile = "13800138999" }));

        Assert.Equal(0, await Code("topapi/v2/user/update", new { userid = "sim-new-hire", title = "产品经理", manager_userid = existing.UserId }));
        var profile = await Result("topapi/v2/user/get", new { userid = "sim-new-hire" });
        Assert.Equal("产品经理", profile.GetProperty("title").GetString());
        Assert.Equal(existing.UserId, profile.GetProperty("manager_userid").GetString());

        Assert.Equal(0, await Code("topapi/v2/user/update", new { userid = "sim-new-hire", force_update_fields = "manager_userid" }));
        Assert.False((await Result("topapi/v2/user/get", new { userid = "sim-new-hire" })).TryGetProperty("manager_userid", out _));
        Assert.Equal(60104, await Code("topapi/v2/user/update", new { userid = "sim-new-hire", mobile = existing.Mobile }));
        Assert.Equal(60121, await Code("topapi/v2/user/update", new { userid = "nobody", title = "x" }));

        Assert.Equal(0, await Code("topapi/v2/user/delete", new { userid = "sim-new-hire" }));
        Assert.Equal(60121, await Code("topapi/v2/user/get", new { userid = "sim-new-hire" }));
        Assert.Equal(60121, await Code("topapi/v2/user/delete", new { userid = "sim-new-hire" }));
    }

    [Fact]
    public async Task An_inactive_person_is_not_found_by_mobile()
    {
        var inactive = (await host.PeopleAsync()).First(p => !p.Active);

        Assert.Equal(60121, await Code("topapi/v2/user/getbymobile", new { mobile = inactive.Mobile }));
    }

    private async Task<long> BiggestTeamAsync()
    {
        var people = await host.PeopleAsync();
        return people.SelectMany(p => p.DeptIdList).GroupBy(id => id).OrderByDescending(g => g.Count()).First().Key;
    }

    private async Task<JsonElement> Result(string path, object body)
    {
        host.Time.Advance(TimeSpan.FromMilliseconds(100));
        return await host.ResultAsync(path, body, token);
    }

    private async Task<int> Code(string path, object body)
    {
        host.Time.Advance(TimeSpan.FromMilliseconds(100));
        return (await host.TopAsync(path, body, token)).GetProperty("errcode").GetInt32();
    }
}
