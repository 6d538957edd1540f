using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class ReconnectTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_page_recovers_by_itself_after_the_server_restarts(bool settledBeforeCrash)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var port = PortalAppFactory.FreePort();
        var server = await PortalProcess.StartAsync(port, database);
        try
        {
            await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, $"http://127.0.0.1:{port}");
            var page = await BrowserPages.OpenAsync(context, "/");
            var banner = page.Locator("#components-reconnect-modal");
            await page.EvaluateAsync("window.__beforeRestart = true");
            if (settledBeforeCrash)
            {
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }

            await server.KillAsync();
            await Assertions.Expect(banner).ToHaveClassAsync(Reconnecting(), new() { Timeout = 15_000 });
            await Assertions.Expect(banner).ToBeVisibleAsync();

            await server.DisposeAsync();
            server = await PortalProcess.StartAsync(port, database);

            // The new server does not know the old circuit: the page must reload itself, not sit dead.
            await page.WaitForFunctionAsync("() => window.__beforeRestart !== true", null, new() { Timeout = 30_000 });
            await PageConsole.WaitForInteractiveAsync(page);
            await Assertions.Expect(banner).ToBeHiddenAsync();

            await page.EvaluateAsync("window.__afterRestart = true");
            await page.Locator("nav.tab-bar a[href='todos']").ClickAsync();
            await Assertions.Expect(page.Locator("nav.tab-bar a.active")).ToHaveAttributeAsync("href", "todos");
            Assert.True(await page.EvaluateAsync<bool>("window.__afterRestart === true"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_brief_network_drop_keeps_the_same_circuit()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var page = await BrowserPages.OpenAsync(context, "/");
        await page.EvaluateAsync("window.__samePage = true");

        await context.SetOfflineAsync(true);
        await context.SetOfflineAsync(false);

        host.Time.Advance(TimeSpan.FromMinutes(5));
        await page.GetByTestId("home-refresh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("home-updated")).ToContainTextAsync("09:35:00");
        Assert.True(await page.EvaluateAsync<bool>("window.__samePage === true"));
    }

    [Fact]
    public async Task The_circuit_shows_the_home_the_prerendered_page_showed()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestSignIn.AsDemoPersonAsync(context);
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        // Time passes between the prerender and the circuit: a home loaded again would say so.
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            host.Time.Advance(TimeSpan.FromMinutes(5));
            await route.ContinueAsync();
        });

        await page.GotoAsync("/");
        await PageConsole.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("home-updated")).ToContainTextAsync("09:30:00");
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task A_page_left_in_the_background_pauses_its_circuit_and_resumes_where_the_reader_was()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var page = await BrowserPages.OpenAsync(context, "/");
        var banner = page.Locator("#components-reconnect-modal");
        await page.EvaluateAsync("window.__samePage = true; window.portal.pauseAfterHiddenMs = 50");

        await SetVisibilityAsync(page, "hidden");
        await Assertions.Expect(banner).ToHaveClassAsync(new Regex("components-reconnect-paused"), new() { Timeout = 15_000 });
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await SetVisibilityAsync(page, "visible");

        await Assertions.Expect(banner).ToHaveClassAsync(new Regex("components-reconnect-hide"), new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("window.__samePage === true"), "the page reloaded instead of resuming");
        await Assertions.Expect(page.GetByTestId("home-updated")).ToContainTextAsync("09:30:00");
        await page.GetByTestId("home-refresh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("home-updated")).ToContainTextAsync("09:35:00");
        Assert.True(await page.EvaluateAsync<bool>("window.__samePage === true"));
    }

    private static async Task SetVisibilityAsync(IPage page, string state) => await page.EvaluateAsync(
        "state => { Object.defineProperty(document, 'visibilityState', { value: state, configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }",
        state);

    [GeneratedRegex("components-reconnect-(show|failed)")]
    private static partial Regex Reconnecting();
}
