using System.Net;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The simulator's control API: people, sign-in codes, statistics and reset.</summary>
public sealed class ControlApiTests : SimulatorTest
{
    [Fact]
    public async Task Users_can_be_limited_with_take_and_carry_the_documented_fields()
    {
        var users = await Host.GetJsonAsync("_dingtalk/_control/users?take=5");

        Assert.Equal(5, users.GetArrayLength());
        Assert.Equal(
            ["active", "deptIdList", "mobile", "name", "title", "unionId", "userId"],
            users[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_auth_code_for_an_unknown_person_is_a_404_problem()
    {
        var reply = await Host.PostJsonAsync("_dingtalk/_control/authcodes", new { userId = "nobody" });

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal("userNotFound", (await SimulatorHost.ReadJsonAsync(reply)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stats_count_calls_and_errors_per_endpoint()
    {
        await Host.AppTokenAsync();
        await Host.GetJsonAsync($"_dingtalk/oapi/gettoken?appkey={SimulatorDefaults.AppKey}&appsecret=wrong");

        var stats = await Host.GetJsonAsync("_dingtalk/_control/stats");

        var gettoken = stats.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "oapi GET /gettoken");
        Assert.Equal(2, gettoken.GetProperty("calls").GetInt64());
        Assert.Equal(1, gettoken.GetProperty("errors").GetInt64());
        Assert.Equal(2, stats.GetProperty("totalCalls").GetInt64());
    }

    [Fact]
    public async Task Reset_regenerates_the_organisation_and_forgets_tokens_and_codes()
    {
        var token = await Host.AppTokenAsync();
        var person = (await Host.PeopleAsync())[1];
        var code = await Host.SsoCodeAsync(person.UserId);
        await Host.ResultAsync("topapi/v2/user/create", new { name = "临时工", mobile = "13711112222", dept_id_list = "1" }, token);

        var reset = await Host.PostJsonAsync("_dingtalk/_control/reset", new { people = 50, seed = 3 });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(50, (await Host.PeopleAsync()).Count);
        Assert.Equal(40014, (await Host.TopAsync("topapi/v2/department/listsubid", new { dept_id = 1 }, token)).GetProperty("errcode").GetInt32());
        Assert.Equal(40078, (await Host.TopAsync("topapi/v2/user/getuserinfo", new { code })).GetProperty("errcode").GetInt32());
    }
}
