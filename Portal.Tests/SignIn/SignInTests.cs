using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk.Client.Contacts;
using Portal.Domain.Data;
using Portal.Tests.DingTalk.Simulator;

namespace Portal.Tests.SignIn;

/// <summary>The three ways in (免登 code, browser OAuth2, development pick), and who is refused.</summary>
public sealed partial class SignInTests : SimulatorTest
{
    [Fact]
    public async Task A_DingTalk_code_signs_the_person_in_and_api_me_knows_them()
    {
        var person = (await Host.PeopleAsync()).First(p => p.Active && p.DeptIdList.Length > 0);
        using var browser = Browser();

        var signIn = await browser.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code = await Host.SsoCodeAsync(person.UserId) });
        var me = await browser.GetFromJsonAsync<JsonElement>(new Uri("api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(person.UserId, me.GetProperty("userId").GetString());
        Assert.Equal(person.UnionId, me.GetProperty("unionId").GetString());
        Assert.Equal(person.Name, me.GetProperty("name").GetString());
        Assert.Equal(person.DeptIdList.Order(), me.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).Order());
        Assert.Contains("employee", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_reused_or_unknown_code_is_refused()
    {
        var person = (await Host.PeopleAsync()).First(p => p.Active);
        var code = await Host.SsoCodeAsync(person.UserId);
        using var first = Browser();
        using var second = Browser();
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code })).StatusCode);

        var reused = await second.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code });
        var unknown = await second.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code = "not-a-code" });
        var empty = await second.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { });

        foreach (var response in new[] { reused, unknown, empty })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid-code", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problems_not_redirects()
    {
        using var browser = Browser();

        var me = await browser.GetAsync(new Uri("api/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Someone_who_left_DingTalk_cannot_sign_in()
    {
        var person = (await Host.PeopleAsync()).First(p => p.Active);
        using (var before = Browser())
        {
            await before.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code = await Host.SsoCodeAsync(person.UserId) });
        }

        var code = await Host.SsoCodeAsync(person.UserId);
        await Host.Services.GetRequiredService<UserClient>().DeleteAsync(person.UserId, CancellationToken.None);
        using var browser = Browser();

        var refused = await browser.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code });

        Assert.False(refused.IsSuccessStatusCode);
        var reason = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        Assert.Contains(reason, new[] { "left-company", "invalid-code" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_person_loses_an_open_session_within_the_revalidation_interval()
    {
        var person = (await Host.PeopleAsync()).First(p => p.Active);
        using var browser = Browser();
        await browser.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code = await Host.SsoCodeAsync(person.UserId) });
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);

        await using (var db = await Host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            var row = await db.People.SingleAsync(p => p.UserId == person.UserId);
            row.Active = false;
            await db.SaveChangesAsync();
        }

        Host.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Browser_OAuth2_binds_state_to_the_browser_and_signs_in()
    {
        var person = (await Host.PeopleAsync()).First(p => p.Active);
        using var browser = Browser();

        var start = await browser.GetAsync(new Uri("auth/dingtalk/login?returnUrl=%2Fme", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var login = start.Headers.Location!;
        Assert.Contains("/_dingtalk/login/oauth2/auth", login.AbsolutePath, StringComparison.Ordinal);
        var choose = new Uri(login.GetLeftPart(UriPartial.Path).Replace("/auth", "/choose", StringComparison.Ordinal) + login.Query + "&userId=" + person.UserId);
        var back = await browser.GetAsync(choose);
        var callback = back.Headers.Location!;
        Assert.Contains("/auth/dingtalk/callback", callback.AbsolutePath, StringComparison.Ordinal);

        using var stranger = Browser();
        var forged = await stranger.GetAsync(callback);
        Assert.Contains("failed=invalid-code", forged.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signedIn = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/me", signedIn.Headers.Location!.OriginalString);
        var me = await browser.GetFromJsonAsync<JsonElement>(new Uri("api/me", UriKind.Relative));
        Assert.Equal(person.UserId, me.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task The_development_sign_in_lists_the_demo_people_and_signs_in_as_one()
    {
        var person = (await Host.PeopleAsync()).First(p => p.Active);
        using var browser = Browser();

        var page = await browser.GetStringAsync(new Uri("signin", UriKind.Relative));
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.Contains(person.Name, page, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["userId"] = person.UserId,
            ["returnUrl"] = "/todos",
        });

        var signedIn = await browser.PostAsync(new Uri("auth/dev", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/todos", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(person.UserId, (await browser.GetFromJsonAsync<JsonElement>(new Uri("api/me", UriKind.Relative))).GetProperty("userId").GetString());
    }

    private HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = Host.Http.BaseAddress,
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
