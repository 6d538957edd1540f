using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>Sign-in as the portal does it: SSO codes, the OAuth2 browser login, user tokens, profiles.</summary>
public sealed class IdentityTests : SimulatorTest
{
    [Fact]
    public async Task An_SSO_code_names_the_person_once_and_is_refused_the_second_time()
    {
        var person = (await Host.PeopleAsync())[5];
        var code = await Host.SsoCodeAsync(person.UserId);

        var result = await Host.ResultAsync("topapi/v2/user/getuserinfo", new { code });
        var again = await Host.TopAsync("topapi/v2/user/getuserinfo", new { code });

        Assert.Equal(person.UserId, result.GetProperty("userid").GetString());
        Assert.Equal(person.UnionId, result.GetProperty("unionid").GetString());
        Assert.Equal(person.Name, result.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("device_id").GetString()));
        Assert.Equal(JsonValueKind.False, result.GetProperty("sys").ValueKind);
        Assert.Equal(0, result.GetProperty("sys_level").GetInt32());
        Assert.Equal(40078, again.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task An_SSO_code_lives_five_minutes()
    {
        var person = (await Host.PeopleAsync())[5];
        var fresh = await Host.SsoCodeAsync(person.UserId);
        var stale = await Host.SsoCodeAsync(person.UserId);

        Host.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var token = await Host.AppTokenAsync();
        Assert.Equal(0, (await Host.TopAsync("topapi/v2/user/getuserinfo", new { code = fresh }, token)).GetProperty("errcode").GetInt32());
        Host.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(40078, (await Host.TopAsync("topapi/v2/user/getuserinfo", new { code = stale }, token)).GetProperty("errcode").GetInt32());
        Assert.Equal(40078, (await Host.TopAsync("topapi/v2/user/getuserinfo", new { code = "never-issued" }, token)).GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task The_boss_and_the_main_admin_are_reported_as_such()
    {
        var people = await Host.PeopleAsync();
        var levels = new List<int>();
        foreach (var person in people.Take(80))
        {
            var result = await Host.ResultAsync("topapi/v2/user/getuserinfo", new { code = await Host.SsoCodeAsync(person.UserId) });
            levels.Add(result.GetProperty("sys_level").GetInt32());
            Assert.Equal(result.GetProperty("sys_level").GetInt32() is 1 or 2, result.GetProperty("sys").GetBoolean());
            Host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(100, levels[0]);
        Assert.Single(levels, 1);
        Assert.Contains(2, levels);
    }

    [Fact]
    public async Task The_OAuth_login_page_lists_people_and_redirects_back_with_code_and_state()
    {
        var person = (await Host.PeopleAsync()).First(p => p.Active);
        var query = $"redirect_uri={Uri.EscapeDataString("https://portal.example/auth/callback?from=login")}&response_type=code&client_id={SimulatorDefaults.AppKey}&scope=openid&state=xyz%20123&prompt=consent";

        var page = await (await Host.GetAsync($"_dingtalk/login/oauth2/auth?{query}")).Content.ReadAsStringAsync();
        Assert.Contains(person.Name, page, StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.Http.BaseAddress };
        var choose = await browser.GetAsync(new Uri($"_dingtalk/login/oauth2/choose?{query}&userId={person.UserId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        var location = choose.Headers.Location!;
        Assert.Equal("https://portal.example/auth/callback", location.GetLeftPart(UriPartial.Path));
        var back = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("login", back["from"]);
        Assert.Equal("xyz 123", back["state"]);
        Assert.Equal(back["code"], back["authCode"]);

        var tokens = await Host.PostForJsonAsync("_dingtalk/api/v1.0/oauth2/userAccessToken", new
        {
            clientId = SimulatorDefaults.AppKey,
            clientSecret = SimulatorDefaults.AppSecret,
            code = back["code"].ToString(),
            grantType = "authorization_code",
        });
        Assert.Equal(7200, tokens.GetProperty("expireIn").GetInt32());
        Assert.Equal(SimulatorDefaults.CorpId, tokens.GetProperty("corpId").GetString());

        var me = await SimulatorHost.ReadJsonAsync(await SendMeAsync(tokens.GetProperty("accessToken").GetString()!));
        Assert.Equal(person.Name, me.GetProperty("nick").GetString());
        Assert.Equal(person.UnionId, me.GetProperty("unionId").GetString());
        Assert.Equal(person.Mobile, me.GetProperty("mobile").GetString());
        Assert.False(me.TryGetProperty("avatarUrl", out _));
    }

    [Fact]
    public async Task The_login_page_refuses_an_unknown_client_id()
    {
        var response = await Host.GetAsync("_dingtalk/login/oauth2/auth?redirect_uri=https%3A%2F%2Fx.example%2F&response_type=code&client_id=someone-else&scope=openid&prompt=consent");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_OAuth_code_is_single_use_and_a_refresh_token_gives_new_tokens()
    {
        var person = (await Host.PeopleAsync())[3];
        var code = (await Host.PostForJsonAsync("_dingtalk/_control/authcodes", new { userId = person.UserId, kind = "oauth" })).GetProperty("code").GetString();
        var exchange = new { clientId = SimulatorDefaults.AppKey, clientSecret = SimulatorDefaults.AppSecret, code, grantType = "authorization_code" };

        var first = await Host.PostForJsonAsync("_dingtalk/api/v1.0/oauth2/userAccessToken", exchange);
        var second = await Host.PostJsonAsync("_dingtalk/api/v1.0/oauth2/userAccessToken", exchange);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);

        var refreshed = await Host.PostForJsonAsync("_dingtalk/api/v1.0/oauth2/userAccessToken", new
        {
            clientId = SimulatorDefaults.AppKey,
            clientSecret = SimulatorDefaults.AppSecret,
            refreshToken = first.GetProperty("refreshToken").GetString(),
            grantType = "refresh_token",
        });
        Assert.NotEqual(first.GetProperty("accessToken").GetString(), refreshed.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SendMeAsync(refreshed.GetProperty("accessToken").GetString()!)).StatusCode);
    }

    [Fact]
    public async Task Users_me_refuses_an_app_token()
    {
        var response = await SendMeAsync(await Host.AppTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidAuthentication", (await SimulatorHost.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_unionId_maps_back_to_the_userId()
    {
        var person = (await Host.PeopleAsync())[7];

        var result = await Host.ResultAsync("topapi/user/getbyunionid", new { unionid = person.UnionId });
        var unknown = await Host.TopAsync("topapi/user/getbyunionid", new { unionid = "nobodyiE" });

        Assert.Equal(person.UserId, result.GetProperty("userid").GetString());
        Assert.Equal(0, result.GetProperty("contact_type").GetInt32());
        Assert.Equal(60121, unknown.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task The_profile_has_the_documented_fields_and_omits_empty_optional_ones()
    {
        var token = await Host.AppTokenAsync();
        var profiles = new List<JsonElement>();
        foreach (var person in (await Host.PeopleAsync()).Take(40))
        {
            profiles.Add(await Host.ResultAsync("topapi/v2/user/get", new { userid = person.UserId, language = "zh_CN" }, token));
            Host.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        foreach (var profile in profiles)
        {
            foreach (var field in new[] { "userid", "unionid", "name", "mobile", "state_code", "job_number", "title", "dept_id_list", "dept_order_list", "leader_in_dept", "hired_date", "active", "admin", "boss", "senior", "real_authed", "hide_mobile", "exclusive_account" })
            {
                Assert.True(profile.TryGetProperty(field, out _), $"profile lacks {field}: {profile}");
            }

            Assert.False(profile.TryGetProperty("avatar", out _));
            Assert.False(profile.TryGetProperty("remark", out _));
            Assert.All(profile.EnumerateObject(), p => Assert.False(p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "", $"{p.Name} is empty"));
        }

        Assert.Contains(profiles, p => p.TryGetProperty("email", out _));
        Assert.Contains(profiles, p => !p.TryGetProperty("email", out _));
        Assert.False(profiles[0].TryGetProperty("manager_userid", out _));
        Assert.True(profiles[0].GetProperty("boss").GetBoolean());
        Assert.Contains(profiles, p => p.GetProperty("leader_in_dept").EnumerateArray().Any(l => l.GetProperty("leader").GetBoolean()));
        Assert.Equal(60121, (await Host.TopAsync("topapi/v2/user/get", new { userid = "missing" }, token)).GetProperty("errcode").GetInt32());
        Assert.Equal(33012, (await Host.TopAsync("topapi/v2/user/get", new { userid = "" }, token)).GetProperty("errcode").GetInt32());
    }

    private async Task<HttpResponseMessage> SendMeAsync(string userToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("_dingtalk/api/v1.0/contact/users/me", UriKind.Relative));
        request.Headers.Add("x-acs-dingtalk-access-token", userToken);
        return await Host.Http.SendAsync(request);
    }
}
