using System.Net;
using System.Text.Json;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>App tokens on both hosts: opaque, 7200 s, the same while valid, a new one after expiry.</summary>
public sealed class TokenTests : SimulatorTest
{
    [Fact]
    public async Task The_old_endpoint_hands_out_the_same_token_while_it_is_valid_and_a_new_one_after_expiry()
    {
        var first = await Host.GetJsonAsync(GetTokenPath());
        Assert.Equal(7200, first.GetProperty("expires_in").GetInt32());
        var token = first.GetProperty("access_token").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", token);

        Host.Time.Advance(TimeSpan.FromSeconds(7000));
        Assert.Equal(token, await Host.AppTokenAsync());

        // The re-request above extended it: 7000 s later it would have died without that.
        Host.Time.Advance(TimeSpan.FromSeconds(7000));
        Assert.Equal(token, await Host.AppTokenAsync());

        Host.Time.Advance(TimeSpan.FromSeconds(7201));
        var renewed = await Host.AppTokenAsync();
        Assert.NotEqual(token, renewed);

        var expired = await Host.TopAsync("topapi/v2/user/get", new { userid = "anyone" }, token);
        Assert.Equal(42001, expired.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task Both_endpoints_share_one_token_per_app_and_it_works_on_both_hosts()
    {
        var oldToken = await Host.AppTokenAsync();
        var reply = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/accessToken", new { appKey = SimulatorDefaults.AppKey, appSecret = SimulatorDefaults.AppSecret });
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var body = await SimulatorHost.ReadJsonAsync(reply);

        Assert.Equal(oldToken, body.GetProperty("accessToken").GetString());
        Assert.Equal(7200, body.GetProperty("expireIn").GetInt32());
        var ticket = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/jsapiTickets", new { }, oldToken);
        Assert.Equal(HttpStatusCode.OK, ticket.StatusCode);
    }

    [Fact]
    public async Task Bad_credentials_and_bad_tokens_answer_DingTalk_codes()
    {
        var old = await Host.GetJsonAsync($"_dingtalk/oapi/gettoken?appkey={SimulatorDefaults.AppKey}&appsecret=wrong");
        Assert.Equal(40089, old.GetProperty("errcode").GetInt32());

        var @new = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/accessToken", new { appKey = "other", appSecret = SimulatorDefaults.AppSecret });
        Assert.Equal(HttpStatusCode.BadRequest, @new.StatusCode);
        Assert.Equal("invalidClientIdOrSecret", (await SimulatorHost.ReadJsonAsync(@new)).GetProperty("code").GetString());

        var unknown = await Host.TopAsync("topapi/v2/user/get", new { userid = "anyone" }, "0123456789abcdef0123456789abcdef");
        Assert.Equal(40014, unknown.GetProperty("errcode").GetInt32());

        var missing = await Host.PostForJsonAsync("_dingtalk/oapi/topapi/v2/user/get", new { userid = "anyone" });
        Assert.Equal(41001, missing.GetProperty("errcode").GetInt32());

        var api = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/jsapiTickets", new { }, "0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("InvalidAuthentication", (await SimulatorHost.ReadJsonAsync(api)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_expired_token_is_refused_on_the_api_host_too()
    {
        var token = await Host.AppTokenAsync();
        Host.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        var reply = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/jsapiTickets", new { }, token);

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        Assert.Equal("InvalidAuthentication", (await SimulatorHost.ReadJsonAsync(reply)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_form_encoded_body_on_the_new_endpoint_is_refused_as_DingTalk_does()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["appKey"] = SimulatorDefaults.AppKey, ["appSecret"] = SimulatorDefaults.AppSecret });
        var reply = await Host.Http.PostAsync(new Uri("_dingtalk/api/v1.0/oauth2/accessToken", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        var body = await SimulatorHost.ReadJsonAsync(reply);
        Assert.Contains("body is mandatory", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string GetTokenPath() => $"_dingtalk/oapi/gettoken?appkey={SimulatorDefaults.AppKey}&appsecret={SimulatorDefaults.AppSecret}";
}
