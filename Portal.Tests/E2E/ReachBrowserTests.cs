using Microsoft.Playwright;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Tests.Content.Reading;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReachBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_reach_page_draws_reads_over_time_and_gives_screen_readers_the_same_numbers()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var authorContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var authorUserId = await TestSignIn.AsDemoPersonAsync(authorContext, 0);
        await TestRoles.GrantAsync(host.Services, authorUserId, Role.Editor);
        var author = await PortalContent.PersonIdAsync(host.Services, authorUserId);
        await using var readerContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var reader = await PortalContent.PersonIdAsync(host.Services, await TestSignIn.AsDemoPersonAsync(readerContext, 1));
        var item = await PortalContent.PublishAsync(host.Services, ContentKind.Notice, "食堂升级通知", author, [reader]);

        var page = await authorContext.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync($"/content/{item:D}/reach");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("no-reads")).ToBeVisibleAsync();

        var readerPage = await readerContext.NewPageAsync();
        await readerPage.GotoAsync($"/content/{item:D}");
        await Assertions.Expect(readerPage.GetByTestId("article")).ToContainTextAsync("食堂升级通知");

        await page.ReloadAsync();
        await PageConsole.WaitForInteractiveAsync(page);
        var chart = page.GetByTestId("reach-chart");
        await Assertions.Expect(chart.Locator("figure svg").First).ToBeVisibleAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Figure, new() { Name = "阅读趋势" })).ToBeVisibleAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Table, new() { Name = "每小时阅读人数" })).ToHaveCountAsync(1);
        var reads = await chart.GetByTestId("reach-chart-point").EvaluateAllAsync<int[]>("rows => rows.map(r => Number(r.dataset.reads))");
        Assert.Equal(1, reads.Sum());
        Assert.Empty(console.Problems);
    }
}
