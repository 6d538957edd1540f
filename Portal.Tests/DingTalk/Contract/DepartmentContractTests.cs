using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;

namespace Portal.Tests.DingTalk.Contract;

/// <summary><see cref="DepartmentClient"/> against the simulator.</summary>
public sealed class DepartmentContractTests
{
    [Fact]
    public async Task The_tree_is_read_one_level_at_a_time()
    {
        await using var portal = await ContractPortal.StartAsync();
        var departments = portal.Get<DepartmentClient>();

        var children = await departments.ListChildrenAsync(DepartmentClient.RootDeptId, "zh_CN", default);
        var childIds = await departments.ListChildIdsAsync(DepartmentClient.RootDeptId, default);
        var root = await departments.GetAsync(DepartmentClient.RootDeptId, null, default);
        var first = await departments.GetAsync(children[0].DeptId, null, default);

        Assert.NotEmpty(children);
        Assert.Equal(childIds, children.Select(c => c.DeptId));
        Assert.All(children, child => Assert.Equal(DepartmentClient.RootDeptId, child.ParentId));
        Assert.Equal(DepartmentClient.RootDeptId, root.DeptId);
        Assert.Equal((children[0].Name, DepartmentClient.RootDeptId), (first.Name, first.ParentId));
        Assert.True(root.MemberCount > 0);
        await ContractPortal.FailsAsync(() => departments.GetAsync(987654321, null, default), DingTalkErrorKind.BadRequest, "60003");
    }

    [Fact]
    public async Task A_department_is_created_changed_and_removed_and_DingTalk_codes_come_back_as_errors()
    {
        await using var portal = await ContractPortal.StartAsync();
        var departments = portal.Get<DepartmentClient>();

        var deptId = await departments.CreateAsync(new DepartmentCreateRequest("合同部", DepartmentClient.RootDeptId) { Code = "C-1", HideDept = true }, default);
        await departments.UpdateAsync(new DepartmentUpdateRequest(deptId) { Name = "合同二部", Order = 5 }, default);
        var changed = await departments.GetAsync(deptId, null, default);

        Assert.Equal(("合同二部", 5L, "C-1", true), (changed.Name, changed.Order, changed.Code, changed.HideDept));
        await ContractPortal.FailsAsync(
            () => departments.CreateAsync(new DepartmentCreateRequest("合同二部", DepartmentClient.RootDeptId), default), DingTalkErrorKind.BadRequest, "60008");
        await ContractPortal.FailsAsync(
            () => departments.CreateAsync(new DepartmentCreateRequest("bad-name", DepartmentClient.RootDeptId), default), DingTalkErrorKind.BadRequest, "60001");
        await ContractPortal.FailsAsync(() => departments.DeleteAsync(DepartmentClient.RootDeptId, default), DingTalkErrorKind.BadRequest, "60018");

        await departments.DeleteAsync(deptId, default);
        await ContractPortal.FailsAsync(() => departments.DeleteAsync(deptId, default), DingTalkErrorKind.BadRequest, "60003");
    }
}
