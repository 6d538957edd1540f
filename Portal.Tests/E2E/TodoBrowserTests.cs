using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Tests.Infrastructure;
using Portal.Tests.Todos;
using Portal.Web.Features.Todos;

namespace Portal.Tests.E2E;

/// <summary>Deciding a to-do on a phone inside DingTalk, from the one-tap link a work notification carries.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TodoBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_assignee_opens_the_one_tap_link_confirms_with_a_comment_and_the_to_do_is_decided_once()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var userId = await TestSignIn.AsDemoPersonAsync(context);
        var factory = host.Get<IDbContextFactory<PortalDb>>();
        var todo = await AssignAsync(host, userId);

        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/" + host.Get<TodoActionLinks>().Create(todo, "reject", host.Time.GetUtcNow().AddDays(3)));
        await PageConsole.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("todo")).ToContainTextAsync("差旅报销审批");
        await Assertions.Expect(page.GetByTestId("todo-fields")).ToContainTextAsync("¥1,280.00");
        await Assertions.Expect(page.GetByTestId("will-decide")).ToContainTextAsync("拒绝");
        await Assertions.Expect(page.GetByTestId("todo-pending-count")).ToHaveTextAsync("1");
        await page.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("decide-message")).ToHaveTextAsync("请填写意见");
        await page.GetByTestId("comment").FillAsync("金额与发票不符");
        await page.GetByTestId("confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("todo-decided")).ToContainTextAsync("拒绝");
        await Assertions.Expect(page.GetByTestId("todo")).ToHaveAttributeAsync("data-status", nameof(TodoStatus.Done));
        await Assertions.Expect(page.GetByTestId("todo-pending-count")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("confirm")).ToHaveCountAsync(0);
        await page.Locator("nav.tab-bar a[href='todos']").ClickAsync();
        await page.GetByTestId("done-list").Locator($"[data-id='{todo}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("todo-decided")).ToContainTextAsync("拒绝");
        var source = await context.RunAndWaitForPageAsync(() => page.GetByTestId("todo-source").ClickAsync());
        await source.WaitForURLAsync(host.BaseUrl + "/healthz");
        await using var check = await factory.CreateDbContextAsync();
        var decided = await check.Todos.AsNoTracking().SingleAsync(t => t.Id == todo);
        Assert.Equal(("reject", "金额与发票不符"), (decided.Decision, decided.DecisionComment));
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Kind == TodoOutbox.DecisionKind));
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"page is {scrollWidth}px wide on a 375px screen");
        Assert.Empty(console.Problems);
    }

    /// <summary>A to-do for the person, due tomorrow, whose source page is one the portal serves.</summary>
    private static async Task<Guid> AssignAsync(KestrelPortal host, string userId)
    {
        await using var db = await host.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var now = host.Time.GetUtcNow().UtcDateTime;
        var client = await TodoSeed.ClientAsync(db, now);
        Guid[] assignees = [await TodoSeed.PersonIdAsync(db, userId)];
        return await TodoSeed.TodoAsync(db, client, assignees, now, dueAt: now.AddDays(1), detailUrl: host.BaseUrl + "/healthz");
    }
}
