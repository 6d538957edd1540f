using System.Net;
using System.Text.Json;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The two hosts' envelopes, success and error, with their request ids and headers.</summary>
public sealed class EnvelopeTests : SimulatorTest
{
    [Fact]
    public async Task Oapi_answers_HTTP_200_with_errcode_errmsg_and_a_12_character_request_id_even_on_errors()
    {
        var ok = await Host.GetAsync($"_dingtalk/oapi/gettoken?appkey={SimulatorDefaults.AppKey}&appsecret={SimulatorDefaults.AppSecret}");
        var refused = await Host.GetAsync($"_dingtalk/oapi/gettoken?appkey={SimulatorDefaults.AppKey}&appsecret=nope");

        foreach (var (response, errcode, errmsg) in new[] { (ok, 0, "ok"), (refused, 40089, null) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var body = await SimulatorHost.ReadJsonAsync(response);
            Assert.Equal(JsonValueKind.Number, body.GetProperty("errcode").ValueKind);
            Assert.Equal(errcode, body.GetProperty("errcode").GetInt32());
            Assert.False(string.IsNullOrEmpty(body.GetProperty("errmsg").GetString()));
            if (errmsg is not null)
            {
                Assert.Equal(errmsg, body.GetProperty("errmsg").GetString());
            }

            Assert.Matches("^[a-z0-9]{12}$", body.GetProperty("request_id").GetString());
        }
    }

    [Fact]
    public async Task Topapi_data_sits_under_result_and_parameters_come_from_query_form_or_JSON()
    {
        var token = await Host.AppTokenAsync();
        var boss = (await Host.PeopleAsync())[0];

        var fromJson = await Host.ResultAsync("topapi/v2/user/get", new { userid = boss.UserId }, token);
        var fromQuery = await ReadAsync(await Host.Http.PostAsync(new Uri($"_dingtalk/oapi/topapi/v2/user/get?access_token={token}&userid={boss.UserId}", UriKind.Relative), null));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userid"] = boss.UserId });
        var fromForm = await ReadAsync(await Host.Http.PostAsync(new Uri($"_dingtalk/oapi/topapi/v2/user/get?access_token={token}", UriKind.Relative), form));

        Assert.Equal(boss.Name, fromJson.GetProperty("name").GetString());
        Assert.Equal(fromJson.GetRawText(), fromQuery.GetRawText());
        Assert.Equal(fromJson.GetRawText(), fromForm.GetRawText());

        static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
        {
            var body = await SimulatorHost.ReadJsonAsync(response);
            Assert.Equal(0, body.GetProperty("errcode").GetInt32());
            return body.GetProperty("result");
        }
    }

    [Fact]
    public async Task Oapi_refuses_the_wrong_method_with_its_own_codes()
    {
        var get = await Host.GetJsonAsync($"_dingtalk/oapi/topapi/v2/user/get?access_token={await Host.AppTokenAsync()}&userid=x");
        var post = await Host.PostForJsonAsync("_dingtalk/oapi/gettoken", new { appkey = SimulatorDefaults.AppKey });

        Assert.Equal(43002, get.GetProperty("errcode").GetInt32());
        Assert.Equal(43001, post.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task The_api_host_answers_a_bare_camelCase_object_with_acs_headers()
    {
        var response = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/accessToken", new { appKey = SimulatorDefaults.AppKey, appSecret = SimulatorDefaults.AppSecret });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(Uuid, response.Headers.GetValues("x-acs-request-id").Single());
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("x-acs-trace-id").Single());
        var body = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(["accessToken", "expireIn"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Api_host_errors_carry_code_message_and_the_same_requestid_as_the_header()
    {
        var response = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/jsapiTickets", new { }, "not-a-token");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var header = response.Headers.GetValues("x-acs-request-id").Single();
        Assert.True(response.Headers.Contains("x-acs-trace-id"));
        var body = await SimulatorHost.ReadJsonAsync(response);
        Assert.Equal(["code", "message", "requestid"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("InvalidAuthentication", body.GetProperty("code").GetString());
        Assert.Equal(header, body.GetProperty("requestid").GetString());
        Assert.Matches(Uuid, header);
    }

    [Fact]
    public async Task An_unknown_api_path_or_method_is_DingTalks_InvalidAction_NotFound()
    {
        var response = await Host.GetAsync("_dingtalk/api/v1.0/oauth2/accessToken");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("InvalidAction.NotFound", (await SimulatorHost.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    private const string Uuid = "^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$";
}
