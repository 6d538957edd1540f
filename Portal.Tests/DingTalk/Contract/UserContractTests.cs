using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;

namespace Portal.Tests.DingTalk.Contract;

/// <summary><see cref="UserClient"/> against the simulator: reads with DingTalk's paging, writes with its error codes.</summary>
public sealed class UserContractTests
{
    [Fact]
    public async Task Members_are_listed_by_id_by_page_and_all_pages_alike()
    {
        await using var portal = await ContractPortal.StartAsync();
        var users = portal.Get<UserClient>();
        var people = (await portal.GetJsonAsync("_dingtalk/_control/users")).EnumerateArray();
        var deptId = people.SelectMany(p => p.GetProperty("deptIdList").EnumerateArray().Select(d => d.GetInt64()))
            .GroupBy(d => d).OrderByDescending(g => g.Count()).First().Key;

        var ids = await users.ListIdsAsync(deptId, default);
        var firstPage = await users.ListAsync(deptId, 0, 2, "entry_asc", default);
        var all = new List<DingTalkUser>();
        await foreach (var user in users.ListAllAsync(deptId, pageSize: 2))
        {
            all.Add(user);
        }

        Assert.True(ids.Count > 2, $"department {deptId} has {ids.Count} members; the test needs more than one page");
        Assert.True(firstPage.HasMore);
        Assert.Equal(2, firstPage.NextCursor);
        Assert.Equal(ids.Take(2), firstPage.Users.Select(u => u.UserId));
        Assert.Equal(ids, all.Select(u => u.UserId));
        Assert.All(all, user => Assert.False(string.IsNullOrEmpty(user.Name)));
        await ContractPortal.FailsAsync(() => users.ListIdsAsync(987654321, default), DingTalkErrorKind.BadRequest, "60003");
    }

    [Fact]
    public async Task A_profile_is_read_by_userId_and_by_mobile_and_an_unknown_person_is_60121()
    {
        await using var portal = await ContractPortal.StartAsync();
        var person = await IdentityContractTests.FirstPersonAsync(portal);
        var users = portal.Get<UserClient>();

        var profile = await users.GetAsync(person.UserId, null, default);

        Assert.Equal((person.UserId, person.Name, person.UnionId), (profile.UserId, profile.Name, profile.UnionId));
        Assert.Equal(person.UserId, await users.GetUserIdByMobileAsync(person.Mobile, default));
        await ContractPortal.FailsAsync(() => users.GetAsync("nobody-here", null, default), DingTalkErrorKind.BadRequest, "60121");
        await ContractPortal.FailsAsync(() => users.GetUserIdByMobileAsync("13000000000", default), DingTalkErrorKind.BadRequest, "60121");
    }

    [Fact]
    public async Task A_person_is_created_changed_and_removed_and_DingTalk_codes_come_back_as_errors()
    {
        await using var portal = await ContractPortal.StartAsync();
        var users = portal.Get<UserClient>();

        var created = await users.CreateAsync(new UserCreateRequest("合同测试", "13600000001", [1]) { UserId = "contract-user", Title = "测试" }, default);
        await users.UpdateAsync(new UserUpdateRequest(created.UserId) { Title = "主管", JobNumber = "J-1" }, default);
        var updated = await users.GetAsync(created.UserId, "zh_CN", default);

        Assert.Equal("contract-user", created.UserId);
        Assert.EndsWith("iE", created.UnionId, StringComparison.Ordinal);
        Assert.Equal(("合同测试", "主管", "J-1"), (updated.Name, updated.Title, updated.JobNumber));
        await ContractPortal.FailsAsync(
            () => users.CreateAsync(new UserCreateRequest("重复", "13600000001", [1]), default), DingTalkErrorKind.BadRequest, "60104");
        await ContractPortal.FailsAsync(
            () => users.CreateAsync(new UserCreateRequest("重复", "13600000002", [1]) { UserId = "contract-user" }, default), DingTalkErrorKind.BadRequest, "60102");

        await users.DeleteAsync(created.UserId, default);
        await ContractPortal.FailsAsync(() => users.GetAsync(created.UserId, null, default), DingTalkErrorKind.BadRequest, "60121");
        await ContractPortal.FailsAsync(() => users.DeleteAsync(created.UserId, default), DingTalkErrorKind.BadRequest, "60121");
    }
}
