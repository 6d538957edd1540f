using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>Reading people (§2.3, §7): by department with DingTalk's cursor paging, by id, by mobile.</summary>
internal static class UserQueryEndpoints
{
    private const int MaxPageSize = 100;
    private const long MaxCursor = 100_000;

    public static void Map(IEndpointRouteBuilder oapi)
    {
        oapi.MapOapi(HttpMethods.Post, "/topapi/user/listid", Caller.App, ListIds);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/user/list", Caller.App, call => List(call, simple: false));
        oapi.MapOapi(HttpMethods.Post, "/topapi/user/listsimple", Caller.App, call => List(call, simple: true));
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/user/get", Caller.App, Get);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/user/getbymobile", Caller.App, GetByMobile);
    }

    public static SimUser Existing(Organisation organisation, string userId) =>
        organisation.User(userId) ?? throw new SimulatedError(60121, "找不到该用户");

    private static OapiReply ListIds(OapiCall call)
    {
        var deptId = call.RequiredNumber("dept_id");
        var ids = call.Simulator.State.Read(org =>
        {
            DepartmentEndpoints.Existing(org, deptId);
            return new JsonArray([.. org.DirectMembers(deptId).Select(u => (JsonNode)u.UserId)]);
        });
        return OapiReply.Result(new JsonObject { ["userid_list"] = ids });
    }

    private static OapiReply List(OapiCall call, bool simple)
    {
        var parameters = call.Parameters;
        var deptId = call.RequiredNumber("dept_id");
        var cursor = parameters.Number("cursor") ?? 0;
        var size = call.RequiredNumber("size");
        var limits = call.Simulator.Faults.Current.EnforceLimits;
        if (cursor is < 0 or > MaxCursor)
        {
            throw OapiParameters.Invalid("cursor");
        }

        if (size < 1 || (limits && size > MaxPageSize))
        {
            throw OapiParameters.Invalid("size");
        }

        var order = parameters.Text("order_field") ?? "entry_asc";
        var result = call.Simulator.State.Read(org =>
        {
            DepartmentEndpoints.Existing(org, deptId);
            var members = Sorted(org.DirectMembers(deptId), deptId, order).ToList();
            var page = members.Skip((int)cursor).Take((int)size)
                .Select(u => (JsonNode)(simple ? new JsonObject { ["userid"] = u.UserId, ["name"] = u.Name } : ContactJson.ListEntry(u, org, deptId)));
            var hasMore = cursor + size < members.Count;
            var body = new JsonObject { ["has_more"] = hasMore };
            if (hasMore)
            {
                body["next_cursor"] = cursor + size;
            }

            body["list"] = new JsonArray([.. page]);
            return body;
        });
        return OapiReply.Result(result);
    }

    private static OapiReply Get(OapiCall call)
    {
        var userId = call.Parameters.Text("userid");
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new SimulatedError(33012, "无效的userid");
        }

        return OapiReply.Result(call.Simulator.State.Read(org => ContactJson.Profile(Existing(org, userId), org)));
    }

    private static OapiReply GetByMobile(OapiCall call)
    {
        var mobile = call.RequiredText("mobile");
        if (!UserFields.IsMobile(mobile))
        {
            throw new SimulatedError(40104, "无效的手机号");
        }

        var user = call.Simulator.State.Read(org => org.UserByMobile(mobile));
        return user is { Active: true }
            ? OapiReply.Result(new JsonObject { ["userid"] = user.UserId })
            : OapiReply.Error(60121, "找不到该用户");
    }

    private static IEnumerable<SimUser> Sorted(IEnumerable<SimUser> members, long deptId, string order) => order switch
    {
        "entry_asc" => members.OrderBy(u => u.Sequence),
        "entry_desc" => members.OrderByDescending(u => u.Sequence),
        "modify_asc" => members.OrderBy(u => u.ModifiedAt).ThenBy(u => u.Sequence),
        "modify_desc" => members.OrderByDescending(u => u.ModifiedAt).ThenBy(u => u.Sequence),
        "custom" => members.OrderBy(u => u.OrderIn(deptId)).ThenBy(u => u.Sequence),
        _ => throw OapiParameters.Invalid("order_field"),
    };
}
