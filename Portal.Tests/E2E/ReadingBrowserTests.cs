using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.DingTalk.Simulator;
using Portal.Tests.Content.Reading;
using Portal.Web.Features.Content.Delivery;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>Reading on a phone inside DingTalk: the home feed, a notice to confirm, and DINGing the unread.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReadingBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_opens_a_notice_from_home_confirms_it_and_its_badges_are_gone()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var userId = await TestSignIn.AsDemoPersonAsync(context);
        var me = await PortalContent.PersonIdAsync(host.Services, userId);
        await PortalContent.PublishAsync(host.Services, ContentKind.News, "第三季度全员大会回顾", Guid.NewGuid(), []);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var notice = await PortalContent.PublishAsync(host.Services, ContentKind.Notice, "信息安全制度更新", Guid.NewGuid(), [me], acknowledge: true, body: "<p>请<strong>认真阅读</strong>。</p>");
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/");
        await PageConsole.WaitForInteractiveAsync(page);

        var tabCount = page.GetByTestId("home-unread-count");
        var noticeCard = page.GetByTestId("notice-list").Locator($"[data-id='{notice}']");
        await Assertions.Expect(tabCount).ToHaveTextAsync("2");
        await Assertions.Expect(noticeCard.GetByTestId("unread-badge")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("news-list").GetByTestId("feed-item")).ToHaveCountAsync(1);

        await noticeCard.Locator("a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{host.BaseUrl}/content/{notice}");
        await Assertions.Expect(page.GetByTestId("article-body").Locator("strong")).ToHaveTextAsync("认真阅读");
        await Assertions.Expect(tabCount).ToHaveTextAsync("1");
        await page.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(page.GetByTestId("acknowledged")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("acknowledge")).ToHaveCountAsync(0);

        await page.Locator("nav.tab-bar a[href='']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("home-notices").GetByText("暂时没有通知")).ToBeVisibleAsync();
        var inFeed = page.GetByTestId("news-list").Locator($"[data-id='{notice}']");
        await Assertions.Expect(inFeed).ToHaveAttributeAsync("data-unread", "false");
        await Assertions.Expect(inFeed.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        await Assertions.Expect(tabCount).ToHaveTextAsync("1");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"page is {scrollWidth}px wide on a 375px screen");
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task DING_unread_opens_the_composer_and_the_unread_person_gets_the_DING_on_their_phone()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var authorUserId = await TestSignIn.AsDemoPersonAsync(context, 0);
        await context.AddCookiesAsync([new Cookie { Name = "dingtalk-sim-user", Value = authorUserId, Url = host.BaseUrl }]);
        var author = await PortalContent.PersonIdAsync(host.Services, authorUserId);
        using var readerClient = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = host.Http.BaseAddress };
        var unreadUserId = await TestSignIn.AsDemoPersonAsync(readerClient, 1);
        var unread = await PortalContent.PersonIdAsync(host.Services, unreadUserId);
        var notice = await PortalContent.PublishAsync(host.Services, ContentKind.Notice, "周五消防演练", author, [unread], acknowledge: true);

        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync($"/content/{notice}/reach");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("count-unread").Locator("dd")).ToHaveTextAsync("1");
        await page.GetByTestId("ding-unread").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ding-status")).ToHaveTextAsync("DING 已发送");

        var dings = host.Services.GetRequiredService<SimulatedInboxes>().Dings(unreadUserId)!;
        Assert.Contains("周五消防演练", Assert.Single(dings).Content, StringComparison.Ordinal);
        Assert.Empty(host.Services.GetRequiredService<SimulatedInboxes>().Dings(authorUserId)!);
        var phone = await context.NewPageAsync();
        await phone.GotoAsync($"/simulator/phone/{unreadUserId}");
        await PageConsole.WaitForInteractiveAsync(phone);
        await phone.GetByTestId("tab-dings").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("ding")).ToContainTextAsync("周五消防演练");
        Assert.Empty(console.Problems);
    }

}
