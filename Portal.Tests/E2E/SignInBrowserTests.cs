using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.DingTalk.Client.Contacts;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>The three ways in, as a person goes through them in a browser.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Inside_DingTalk_the_real_bridge_signs_in_silently()
    {
        await using var host = await KestrelPortal.StartAsync();
        var person = await DemoPersonAsync(host);
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await context.AddCookiesAsync([new Cookie { Name = "dingtalk-sim-user", Value = person.UserId, Url = host.BaseUrl }]);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/me");

        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/me", new() { Timeout = 15_000 });
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync(person.Name);
    }

    [Fact]
    public async Task Inside_DingTalk_a_failed_exchange_explains_and_offers_a_retry_without_looping()
    {
        // The client's own retries would wait on the test clock; one refused call is the failure here.
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["DingTalk:Client:RetryAttempts"] = "0" });
        var person = await DemoPersonAsync(host);
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await context.AddCookiesAsync([new Cookie { Name = "dingtalk-sim-user", Value = person.UserId, Url = host.BaseUrl }]);
        await host.SetFaultsAsync(new { outage = "unavailable" });
        var page = await context.NewPageAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByTestId("signin-failed")).ToHaveAttributeAsync("data-reason", "dingtalk-unreachable", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-signin-retry]")).ToBeVisibleAsync();
        var settled = navigations;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(settled, navigations);
    }

    [Fact]
    public async Task A_browser_that_only_calls_itself_DingTalk_is_told_so_and_offered_the_simulated_phone()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);

        await page.GotoAsync("/");

        var failed = page.GetByTestId("signin-failed");
        await Assertions.Expect(failed).ToHaveAttributeAsync("data-reason", "not-in-dingtalk", new() { Timeout = 15_000 });
        await Assertions.Expect(failed).ToHaveTextAsync("这个页面不在钉钉里打开，无法免登。");
        await Assertions.Expect(page.GetByText("暂时无法连接钉钉")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("dev-signin")).ToBeVisibleAsync();
        await page.GetByTestId("signin-simulator-phone").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/simulator/phone");
        await Assertions.Expect(page.GetByTestId("person-search")).ToBeVisibleAsync();
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task Live_a_browser_with_DingTalks_user_agent_but_no_DingTalk_is_told_the_page_is_not_in_DingTalk()
    {
        await using var host = await KestrelPortal.StartAsync(LiveMode.Settings(new Dictionary<string, string?> { ["SignIn:BridgeTimeoutSeconds"] = "1" }));
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin");

        var failed = page.GetByTestId("signin-failed");
        await Assertions.Expect(failed).ToHaveAttributeAsync("data-reason", "not-in-dingtalk", new() { Timeout = 15_000 });
        await Assertions.Expect(failed).ToHaveTextAsync("这个页面不在钉钉里打开，无法免登。");
        await Assertions.Expect(page.GetByTestId("signin-dingtalk")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signin-simulator-phone")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task In_a_browser_Sign_in_with_DingTalk_goes_through_the_login_page_and_back()
    {
        await using var host = await KestrelPortal.StartAsync();
        var person = await DemoPersonAsync(host);
        await using var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/me");
        await page.GetByTestId("signin-dingtalk").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = person.Name, Exact = true }).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/me");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync(person.Name);
    }

    [Fact]
    public async Task In_development_a_person_of_the_demo_organisation_can_be_picked()
    {
        await using var host = await KestrelPortal.StartAsync();
        var person = await DemoPersonAsync(host);
        await using var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/todos");
        await page.Locator($"button[data-user-id='{person.UserId}']").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/todos");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.Locator("nav.tab-bar a[href='me']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync(person.Name);
    }

    [Fact]
    public async Task An_open_page_of_someone_deactivated_goes_back_to_sign_in()
    {
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["SignIn:RevalidateSeconds"] = "1" });
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var userId = await TestSignIn.AsDemoPersonAsync(context);
        var page = await BrowserPages.OpenAsync(context, "/me");

        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            await db.People.Where(p => p.UserId == userId).ExecuteUpdateAsync(p => p.SetProperty(x => x.Active, false));
        }

        // The circuit re-checks on its own schedule (one second here); the page must leave by itself.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task An_open_page_of_someone_who_left_in_DingTalk_goes_back_to_sign_in()
    {
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["SignIn:RevalidateSeconds"] = "1" });
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var userId = await TestSignIn.AsDemoPersonAsync(context);
        var page = await BrowserPages.OpenAsync(context, "/me");

        // DingTalk's user_leave_org reaches the portal by callback; nothing else tells it.
        await host.Services.GetRequiredService<UserClient>().DeleteAsync(userId, default);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"), new() { Timeout = 15_000 });
    }

    private static async Task<(string UserId, string Name)> DemoPersonAsync(KestrelPortal host)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/") };
        var users = await client.GetFromJsonAsync<JsonElement>(new Uri("_dingtalk/_control/users?take=20", UriKind.Relative));
        var person = users.EnumerateArray().First(u => u.GetProperty("active").GetBoolean());
        return (person.GetProperty("userId").GetString()!, person.GetProperty("name").GetString()!);
    }
}
