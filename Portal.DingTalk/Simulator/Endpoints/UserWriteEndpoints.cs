using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Portal.DingTalk.Events;
using Portal.DingTalk.Simulator.Http;
using Portal.DingTalk.Simulator.Org;

namespace Portal.DingTalk.Simulator.Endpoints;

/// <summary>Creating, changing and removing people (§7), with DingTalk's error codes.</summary>
internal static partial class UserWriteEndpoints
{
    public static void Map(IEndpointRouteBuilder oapi)
    {
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/user/create", Caller.App, Create);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/user/update", Caller.App, Update);
        oapi.MapOapi(HttpMethods.Post, "/topapi/v2/user/delete", Caller.App, Delete);
    }

    private static OapiReply Create(OapiCall call)
    {
        var fields = UserFields.Read(call.Parameters);
        if (fields.Name is null)
        {
            throw new SimulatedError(60112, "用户姓名不合法");
        }

        if (fields.Mobile is null)
        {
            throw OapiParameters.Missing("mobile");
        }

        if (fields.DeptIds is null)
        {
            throw OapiParameters.Missing("dept_id_list");
        }

        var requestedId = call.Parameters.Text("userid");
        if (requestedId is not null && !UserIdShape().IsMatch(requestedId))
        {
            throw new SimulatedError(60111, "userid不合法");
        }

        var now = call.Simulator.Now.ToUnixTimeMilliseconds();
        var created = call.Simulator.State.Write(org =>
        {
            if (requestedId is not null && org.User(requestedId) is not null)
            {
                throw new SimulatedError(60102, "UserID在公司中已存在");
            }

            fields.CheckAgainst(org, self: null);
            var user = new SimUser
            {
                UserId = requestedId ?? org.NewUserId(),
                UnionId = RandomIds.UnionId(),
                Active = true,
            };
            fields.ApplyTo(user, org, now);
            org.Add(user);
            return user;
        });
        call.Simulator.Events.Emit(OrgEventTypes.UserAddOrg, userIds: [created.UserId]);
        return OapiReply.Result(new JsonObject { ["userid"] = created.UserId, ["unionId"] = created.UnionId });
    }

    private static OapiReply Update(OapiCall call)
    {
        var userId = call.RequiredText("userid");
        var fields = UserFields.Read(call.Parameters);
        var now = call.Simulator.Now.ToUnixTimeMilliseconds();
        call.Simulator.State.Write(org =>
        {
            var user = UserQueryEndpoints.Existing(org, userId);
            fields.CheckAgainst(org, user);
            fields.ApplyTo(user, org, now);
            return user;
        });
        call.Simulator.Events.Emit(OrgEventTypes.UserModifyOrg, userIds: [userId]);
        return OapiReply.Ok();
    }

    private static OapiReply Delete(OapiCall call)
    {
        var userId = call.RequiredText("userid");
        call.Simulator.State.Write(org =>
        {
            var user = UserQueryEndpoints.Existing(org, userId);
            org.Remove(user);
            return user;
        });
        call.Simulator.Events.Emit(OrgEventTypes.UserLeaveOrg, userIds: [userId]);
        return OapiReply.Ok();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-.@]{1,64}$")]
    private static partial Regex UserIdShape();
}
