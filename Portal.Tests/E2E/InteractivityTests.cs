using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class InteractivityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(BrowserProfile.DingTalkPhone, "刷新")]
    [InlineData(BrowserProfile.Desktop, "Refresh")]
    public async Task A_click_makes_a_server_round_trip_and_updates_the_page(BrowserProfile profile, string refreshLabel)
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(profile, host.BaseUrl);
        await TestSignIn.AsDemoPersonAsync(context);
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/");
        await PageConsole.WaitForInteractiveAsync(page);

        var updated = page.GetByTestId("home-updated");
        var before = await updated.InnerTextAsync();
        Assert.Contains("09:30:00", before, StringComparison.Ordinal);

        // Only the server's clock moves: new text in the page proves the click reached the circuit.
        host.Time.Advance(TimeSpan.FromMinutes(75));
        await page.GetByTestId("home-refresh").ClickAsync();

        await Assertions.Expect(updated).ToContainTextAsync("10:45:00");
        await Assertions.Expect(page.GetByTestId("home-refresh")).ToContainTextAsync(refreshLabel);
        Assert.Empty(console.Problems);
    }

    [Theory]
    [InlineData(BrowserProfile.DingTalkPhone)]
    [InlineData(BrowserProfile.Desktop)]
    public async Task The_tab_bar_switches_pages_inside_the_circuit(BrowserProfile profile)
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(profile, host.BaseUrl);
        var page = await BrowserPages.OpenAsync(context, "/");
        var console = new PageConsole(page);
        await page.EvaluateAsync("window.__samePage = true");

        await page.Locator("nav.tab-bar a[href='me']").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/me");
        await Assertions.Expect(page.Locator("nav.tab-bar a.active")).ToHaveAttributeAsync("href", "me");
        Assert.True(await page.EvaluateAsync<bool>("window.__samePage === true"));
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task The_shell_fits_a_phone_screen()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var page = await BrowserPages.OpenAsync(context, "/");

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var tabBar = await page.Locator("nav.tab-bar").BoundingBoxAsync();
        var tabs = await page.Locator("nav.tab-bar a").AllAsync();

        Assert.True(scrollWidth <= 375, $"page is {scrollWidth}px wide on a 375px screen");
        Assert.NotNull(tabBar);
        Assert.Equal(812, tabBar.Y + tabBar.Height, 1.0);
        Assert.Equal(4, tabs.Count);
        foreach (var tab in tabs)
        {
            var box = await tab.BoundingBoxAsync();
            Assert.True(box is { Height: >= 44, Width: >= 44 }, "tap targets are at least 44px");
        }
    }

    [Fact]
    public async Task Switching_language_on_the_Me_page_reloads_in_English()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var page = await BrowserPages.OpenAsync(context, "/me");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await Assertions.Expect(page.Locator("nav.tab-bar")).ToContainTextAsync("Directory");
    }
}
