using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Events;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>Department reads and writes of §7, with DingTalk's error codes.</summary>
internal static class DepartmentEndpoints
{
    private const int MaxNameLength = 64;
    private const int MaxCodeLength = 30;

    public static void Map(IEndpointRouteBuilder oapi)
    {
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/department/listsub", Caller.App, ListSub);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/department/listsubid", Caller.App, ListSubIds);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/department/get", Caller.App, Get);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/department/create", Caller.App, Create);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/department/update", Caller.App, Update);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/department/delete", Caller.App, Delete);
    }

    public static SimDepartment Existing(Organisation organisation, long deptId) =>
        organisation.Department(deptId) ?? throw new SimulatedError(60003, "部门不存在");

    private static OapiReply ListSub(OapiCall call)
    {
        var deptId = call.Parameters.Number("dept_id") ?? Organisation.RootId;
        var children = call.Simulator.State.Read(org =>
        {
            Existing(org, deptId);
            return new JsonArray([.. org.Children(deptId).Select(d => (JsonNode)ContactJson.DepartmentSummary(d))]);
        });
        return OapiReply.Result(children);
    }

    private static OapiReply ListSubIds(OapiCall call)
    {
        var deptId = call.Parameters.Number("dept_id") ?? Organisation.RootId;
        var ids = call.Simulator.State.Read(org =>
        {
            Existing(org, deptId);
            return new JsonArray([.. org.Children(deptId).Select(d => (JsonNode)d.Id)]);
        });
        return OapiReply.Result(new JsonObject { ["dept_id_list"] = ids });
    }

    private static OapiReply Get(OapiCall call)
    {
        var deptId = call.RequiredNumber("dept_id");
        return OapiReply.Result(call.Simulator.State.Read(org => ContactJson.DepartmentDetail(Existing(org, deptId), org)));
    }

    private static OapiReply Create(OapiCall call)
    {
        var parameters = call.Parameters;
        var name = ValidName(call.RequiredText("name"));
        var parentId = call.RequiredNumber("parent_id");
        var code = ValidCode(parameters.Text("code"));
        var id = call.Simulator.State.Write(org =>
        {
            if (org.Department(parentId) is null)
            {
                throw new SimulatedError(60004, "父部门不存在");
            }

            RequireUniqueName(org, parentId, name, except: null);
            var department = new SimDepartment
            {
                Id = org.NewDepartmentId(),
                Name = name,
                ParentId = parentId,
                Order = parameters.Number("order") ?? org.Children(parentId).Select(d => d.Order + 1).DefaultIfEmpty(1).Max(),
                SourceIdentifier = parameters.Text("source_identifier"),
                Code = code,
                HideDept = parameters.Flag("hide_dept") ?? false,
                CreateDeptGroup = parameters.Flag("create_dept_group") ?? false,
                AutoAddUser = parameters.Flag("auto_add_user") ?? false,
            };
            org.Add(department);
            return department.Id;
        });
        call.Simulator.Events.Emit(OrgEventTypes.OrgDeptCreate, deptIds: [id]);
        return OapiReply.Result(new JsonObject { ["dept_id"] = id });
    }

    private static OapiReply Update(OapiCall call)
    {
        var parameters = call.Parameters;
        var deptId = call.RequiredNumber("dept_id");
        var name = parameters.Text("name") is { Length: > 0 } newName ? ValidName(newName) : null;
        var parentId = parameters.Number("parent_id");
        var code = ValidCode(parameters.Text("code"));
        var managers = parameters.List("dept_manager_userid_list");
        call.Simulator.State.Write(org =>
        {
            var department = Existing(org, deptId);
            var parent = parentId ?? department.ParentId;
            if (parentId is { } moveTo && moveTo != department.ParentId)
            {
                CheckMove(org, department, moveTo);
            }

            if (name is not null && parent is { } siblingsOf)
            {
                RequireUniqueName(org, siblingsOf, name, except: department);
            }

            foreach (var userId in managers ?? [])
            {
                var manager = org.User(userId) ?? throw new SimulatedError(60121, "找不到该用户");
                if (!manager.DeptIds.Contains(deptId))
                {
                    throw new SimulatedError(40035, $"不合法的参数:dept_manager_userid_list ({userId} 不在该部门)");
                }
            }

            department.Name = name ?? department.Name;
            department.ParentId = parent;
            department.Order = parameters.Number("order") ?? department.Order;
            department.SourceIdentifier = parameters.Text("source_identifier") ?? department.SourceIdentifier;
            department.Code = code ?? department.Code;
            department.HideDept = parameters.Flag("hide_dept") ?? department.HideDept;
            department.CreateDeptGroup = parameters.Flag("create_dept_group") ?? department.CreateDeptGroup;
            department.AutoAddUser = parameters.Flag("auto_add_user") ?? department.AutoAddUser;
            department.ManagerUserIds = managers is null ? department.ManagerUserIds : [.. managers.Distinct()];
            return department;
        });
        call.Simulator.Events.Emit(OrgEventTypes.OrgDeptModify, deptIds: [deptId]);
        return OapiReply.Ok();
    }

    private static OapiReply Delete(OapiCall call)
    {
        var deptId = call.RequiredNumber("dept_id");
        call.Simulator.State.Write(org =>
        {
            if (deptId == Organisation.RootId)
            {
                throw new SimulatedError(60018, "根部门不允许删除");
            }

            var department = Existing(org, deptId);
            if (org.Children(deptId).Any())
            {
                throw new SimulatedError(60006, "部门中存在子部门，不允许删除");
            }

            if (org.DirectMembers(deptId).Any())
            {
                throw new SimulatedError(60005, "部门中存在员工，不允许删除");
            }

            org.Remove(department);
            return department;
        });
        call.Simulator.Events.Emit(OrgEventTypes.OrgDeptRemove, deptIds: [deptId]);
        return OapiReply.Ok();
    }

    private static void CheckMove(Organisation org, SimDepartment department, long moveTo)
    {
        if (department.Id == Organisation.RootId)
        {
            throw new SimulatedError(60018, "根部门不允许移动");
        }

        if (org.Department(moveTo) is null)
        {
            throw new SimulatedError(60004, "父部门不存在");
        }

        if (org.Subtree(department.Id).Contains(moveTo))
        {
            throw new SimulatedError(60010, "部门不能移动到自身或下级部门之下");
        }
    }

    private static void RequireUniqueName(Organisation org, long parentId, string name, SimDepartment? except)
    {
        if (org.Children(parentId).Any(d => d != except && d.Name == name))
        {
            throw new SimulatedError(60008, "父部门下该部门名称已存在");
        }
    }

    private static string ValidName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength || trimmed.IndexOfAny(['-', ',', '，']) >= 0)
        {
            throw new SimulatedError(60001, "部门名称不合法");
        }

        return trimmed;
    }

    private static string? ValidCode(string? code) =>
        code is { Length: > MaxCodeLength } ? throw OapiParameters.Invalid("code") : code;
}
