using System.Text.Json.Nodes;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>People and departments in DingTalk's oapi shapes (§2.3, §7), empty optionals left out.</summary>
internal static class ContactJson
{
    public static JsonObject Profile(SimUser user, Organisation organisation)
    {
        var leaderships = organisation.Departments.Where(d => d.ManagerUserIds.Contains(user.UserId)).Select(d => d.Id).ToHashSet();
        var profile = new JsonObject
        {
            ["userid"] = user.UserId,
            ["unionid"] = user.UnionId,
            ["name"] = user.Name,
        };
        profile.Optional("avatar", user.Avatar)
            .Optional("state_code", user.StateCode)
            .Optional("manager_userid", user.ManagerUserId)
            .Optional("mobile", user.Mobile);
        profile["hide_mobile"] = user.HideMobile;
        profile.Optional("telephone", user.Telephone)
            .Optional("job_number", user.JobNumber)
            .Optional("title", user.Title)
            .Optional("email", user.Email)
            .Optional("org_email", user.OrgEmail)
            .Optional("work_place", user.WorkPlace)
            .Optional("remark", user.Remark)
            .Optional("extension", user.Extension);
        profile["dept_id_list"] = new JsonArray([.. user.DeptIds.Select(id => (JsonNode)id)]);
        profile["dept_order_list"] = new JsonArray([.. user.DeptIds.Select(id => (JsonNode)new JsonObject { ["dept_id"] = id, ["order"] = user.OrderIn(id) })]);
        profile["leader_in_dept"] = new JsonArray([.. user.DeptIds.Select(id => (JsonNode)new JsonObject { ["dept_id"] = id, ["leader"] = leaderships.Contains(id) })]);
        profile.Optional("hired_date", user.HiredDate);
        profile["active"] = user.Active;
        profile["real_authed"] = user.RealAuthed;
        profile["senior"] = user.Senior;
        profile["admin"] = user.IsAdmin;
        profile["boss"] = user.IsBoss;
        profile["exclusive_account"] = false;
        profile.Optional("role_list", Roles(user, leaderships.Count > 0));
        return profile;
    }

    /// <summary>An entry of <c>topapi/v2/user/list</c>: the profile plus the person's order and leadership in that department.</summary>
    public static JsonObject ListEntry(SimUser user, Organisation organisation, long deptId)
    {
        var entry = Profile(user, organisation);
        entry["dept_order"] = user.OrderIn(deptId);
        entry["leader"] = organisation.IsLeader(user, deptId);
        return entry;
    }

    public static JsonObject DepartmentSummary(SimDepartment department)
    {
        var summary = new JsonObject { ["dept_id"] = department.Id, ["name"] = department.Name };
        summary.Optional("parent_id", department.ParentId);
        summary["create_dept_group"] = department.CreateDeptGroup;
        summary["auto_add_user"] = department.AutoAddUser;
        return summary;
    }

    public static JsonObject DepartmentDetail(SimDepartment department, Organisation organisation)
    {
        var detail = DepartmentSummary(department);
        detail["order"] = department.Order;
        detail.Optional("source_identifier", department.SourceIdentifier)
            .Optional("code", department.Code)
            .Optional("dept_manager_userid_list", new JsonArray([.. department.ManagerUserIds.Select(id => (JsonNode)id)]))
            .Optional("org_dept_owner", department.ManagerUserIds.FirstOrDefault());
        detail["hide_dept"] = department.HideDept;
        detail["outer_dept"] = department.OuterDept;
        detail["member_count"] = organisation.MemberCount(department.Id);
        return detail;
    }

    private static JsonArray Roles(SimUser user, bool leads)
    {
        var roles = new JsonArray();
        if (user.IsBoss)
        {
            roles.Add(Role(1001, "负责人", "职务"));
        }

        if (leads)
        {
            roles.Add(Role(1002, "主管", "职务"));
        }

        if (user.IsAdmin)
        {
            roles.Add(Role(1003, user.SysLevel == SimUser.MainAdmin ? "主管理员" : "子管理员", "默认"));
        }

        return roles;
    }

    private static JsonObject Role(long id, string name, string group) => new() { ["id"] = id, ["name"] = name, ["group_name"] = group };
}
