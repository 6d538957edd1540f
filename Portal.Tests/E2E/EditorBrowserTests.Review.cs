using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Tests.Content.Reading;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Tests.E2E;

/// <summary>What the review workflow shows people: the approver's review to-do, the way to an item and its reach.</summary>
public sealed partial class EditorBrowserTests
{
    [Fact]
    public async Task An_approver_finds_the_review_on_their_to_do_list_opens_it_in_the_editor_and_deciding_closes_it()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var authorContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var author = await PersonAsync(host, await TestSignIn.AsDemoPersonAsync(authorContext, 0), Role.Editor);
        await using var approverContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var approver = await PersonAsync(host, await TestSignIn.AsDemoPersonAsync(approverContext, 1), Role.Approver);
        var id = await WorkflowAsync(host, author, approver, "办公室搬迁通知", publish: false);

        var page = await approverContext.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/todos");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("todo-pending-count")).ToHaveTextAsync("1");
        var row = page.GetByTestId("pending-list").GetByTestId("todo-row");
        await Assertions.Expect(row).ToContainTextAsync("审核：办公室搬迁通知");
        await row.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{host.BaseUrl}/editor/{id:D}");
        await page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Approved");
        await Assertions.Expect(page.GetByTestId("todo-pending-count")).ToHaveCountAsync(0);
        await page.Locator("nav.tab-bar a[href='todos']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("todos-pending").GetByTestId("todo-row")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("done-list").GetByTestId("todo-row")).ToContainTextAsync("办公室搬迁通知");
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task An_author_outside_the_audience_opens_their_item_and_its_reach_from_the_editor_desk_and_other_outsiders_find_nothing()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var authorContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var author = await PersonAsync(host, await TestSignIn.AsDemoPersonAsync(authorContext, 0), Role.Editor);
        await using var outsiderContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestSignIn.AsDemoPersonAsync(outsiderContext, 1);
        await using var readerContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var reader = await PortalContent.PersonIdAsync(host.Services, await TestSignIn.AsDemoPersonAsync(readerContext, 2));
        var item = await PortalContent.PublishAsync(host.Services, ContentKind.Notice, "财务部会议纪要", author, [reader], acknowledge: true);

        var page = await authorContext.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/editor");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.GetByTestId("my-items").GetByTestId("row-reach-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{host.BaseUrl}/content/{item:D}/reach");
        await Assertions.Expect(page.GetByTestId("reach-item")).ToHaveTextAsync("财务部会议纪要");
        await page.GetByTestId("reach-item").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{host.BaseUrl}/content/{item:D}");
        await Assertions.Expect(page.GetByTestId("article")).ToContainTextAsync("财务部会议纪要");
        await Assertions.Expect(page.GetByTestId("acknowledge")).ToHaveCountAsync(0);
        await page.GetByTestId("reach-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{host.BaseUrl}/content/{item:D}/reach");

        await page.GotoAsync($"/editor/{item:D}");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.GetByTestId("item-status").GetByTestId("reach-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{host.BaseUrl}/content/{item:D}/reach");
        Assert.Empty(console.Problems);

        var outsider = await outsiderContext.NewPageAsync();
        foreach (var path in new[] { $"/content/{item:D}", $"/content/{item:D}/reach" })
        {
            await outsider.GotoAsync(path);
            await Assertions.Expect(outsider.GetByText("页面不存在").First).ToBeVisibleAsync();
            await Assertions.Expect(outsider.GetByText("财务部会议纪要")).ToHaveCountAsync(0);
        }

        // The author only looked: reach counts the audience's reads.
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.False(await db.ArticleReceipts.AnyAsync(r => r.PersonId == author));
    }
}
