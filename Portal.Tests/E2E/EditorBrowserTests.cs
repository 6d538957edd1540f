using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Tests.Content.Delivery;
using Portal.Tests.Infrastructure;
using Portal.Tests.Todos;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Tests.E2E;

/// <summary>The editor on a phone: write with the rich-text editor, autosave, submit, review and publish.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class EditorBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_editor_writes_news_that_autosaves_and_another_person_approves_and_publishes_it_after_seeing_the_send_plan()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var editorContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestRoles.GrantAsync(host.Services, await TestSignIn.AsDemoPersonAsync(editorContext, 0), Role.Editor);
        var page = await editorContext.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/editor/new/news");
        await PageConsole.WaitForInteractiveAsync(page);

        await page.GetByTestId("title").FillAsync("新园区正式启用");
        await EditorPages.Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("下周一起，研发中心搬入新园区。");

        await Assertions.Expect(page.GetByTestId("autosave")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page).ToHaveURLAsync(EditAddress());
        await page.ReloadAsync();
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("title")).ToHaveValueAsync("新园区正式启用");
        await Assertions.Expect(EditorPages.Body(page)).ToContainTextAsync("研发中心搬入新园区");
        await Assertions.Expect(page.GetByTestId("reach")).ToHaveAttributeAsync("data-people", new Regex("^[1-9]"));

        await page.GetByTestId("cover-input").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = Content.Editing.TestFiles.Exe });
        await Assertions.Expect(page.GetByTestId("cover-problem")).ToBeVisibleAsync();
        await page.GetByTestId("cover-input").SetInputFilesAsync(new FilePayload { Name = "campus.png", MimeType = "image/png", Buffer = Content.Editing.TestFiles.Png });
        await Assertions.Expect(page.GetByTestId("cover-problem")).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=cover-preview]')?.naturalWidth === 1");

        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-confirm")).ToContainTextAsync("送达 1 人");
        await page.GetByTestId("confirm-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Submitted");
        Assert.Empty(console.Problems);

        await using var approverContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestRoles.GrantAsync(host.Services, await TestSignIn.AsDemoPersonAsync(approverContext, 1), Role.Approver);
        var review = await approverContext.NewPageAsync();
        await review.GotoAsync("/editor");
        await PageConsole.WaitForInteractiveAsync(review);
        await review.GetByTestId("review-queue").GetByTestId("article-row").ClickAsync();
        await review.GetByTestId("approve").ClickAsync();

        var plan = review.GetByTestId("send-plan");
        await Assertions.Expect(plan).ToHaveAttributeAsync("data-calls", "1");
        await Assertions.Expect(plan).ToHaveAttributeAsync("data-verdict", "Ok");
        await Assertions.Expect(plan).ToHaveAttributeAsync("data-recipients", "2");
        await review.GetByTestId("publish-go").ClickAsync();
        await Assertions.Expect(review.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Published");
        await Assertions.Expect(review.GetByTestId("history-entry").First).ToHaveAttributeAsync("data-action", "published");

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var article = await db.Articles.AsNoTracking().SingleAsync();
        Assert.Equal((ContentStatus.Published, "新园区正式启用"), (article.Status, article.Title));
        Assert.Contains("研发中心搬入新园区", article.Body, StringComparison.Ordinal);
        Assert.Equal(1, await db.NotificationCalls.CountAsync());
    }

    [Fact]
    public async Task A_body_with_script_event_handlers_and_hostile_styles_pasted_into_the_editor_is_stored_and_shown_sanitized()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestRoles.GrantAsync(host.Services, await TestSignIn.AsDemoPersonAsync(context, 0), Role.Editor);
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        await page.GotoAsync("/editor/new/notice");
        await PageConsole.WaitForInteractiveAsync(page);

        await page.GetByTestId("title").FillAsync("安全通知");
        await EditorPages.Body(page).ClickAsync();
        // The editor keeps inline styles it cannot judge: a page-covering one must be stopped by the server.
        await EditorPages.PasteHtmlAsync(page, """
            <p><span style="position: fixed; inset: 0; z-index: 9999; color: red">请注意</span><img src="x" onerror="window.__xss=1;alert(1)"></p><script>window.__xss=2</script><a href="javascript:window.__xss=3">点我</a> <a href="https://intranet.example.com/safety">安全手册</a>
            """);
        await Assertions.Expect(page.GetByTestId("autosave")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page).ToHaveURLAsync(EditAddress());

        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            var body = (await db.Articles.AsNoTracking().SingleAsync()).Body;
            Assert.Contains("请注意", body, StringComparison.Ordinal);
            Assert.Matches("<span style=\"color: [^\";]+\">请注意</span>", body);
            Assert.Contains("href=\"https://intranet.example.com/safety\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("position", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        }

        await page.ReloadAsync();
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(EditorPages.Body(page)).ToContainTextAsync("请注意");
        await EditorPages.Body(page).Locator("a").ClickAsync();
        Assert.Equal(0, await page.Locator("[data-testid=body] [onerror], [data-testid=body] script, [data-testid=body] a[href^='javascript']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task What_was_typed_is_saved_on_the_server_while_the_phone_is_offline_and_is_there_after_a_reload()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestRoles.GrantAsync(host.Services, await TestSignIn.AsDemoPersonAsync(context, 0), Role.Editor);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/editor/new/news");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.GetByTestId("title").FillAsync("第一版");
        await Assertions.Expect(page.GetByTestId("autosave")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page).ToHaveURLAsync(EditAddress());

        await page.GetByTestId("title").FillAsync("断网前写完的标题");
        await Assertions.Expect(page.GetByTestId("autosave")).ToHaveAttributeAsync("data-state", "dirty");
        await context.SetOfflineAsync(true);
        await KestrelPortal.EventuallyAsync(() => TitleAsync(host), title => title == "断网前写完的标题", "the autosave on the server");
        await context.SetOfflineAsync(false);

        await page.ReloadAsync();
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("title")).ToHaveValueAsync("断网前写完的标题");
        await Assertions.Expect(page.GetByTestId("autosave")).ToHaveAttributeAsync("data-state", "saved");
    }

    [Fact]
    public async Task A_push_over_the_limit_is_explained_and_not_published()
    {
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Content:Delivery:RefuseAboveCalls"] = "0", ["Content:Delivery:WarnAboveCalls"] = "0" });
        await using var editorContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestRoles.GrantAsync(host.Services, await TestSignIn.AsDemoPersonAsync(editorContext, 0), Role.Editor);
        var path = await SubmitNewAsync(editorContext, "notice", "全员通知");
        await using var approverContext = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var review = await ApproveAsync(host, approverContext, path);

        await Assertions.Expect(review.GetByTestId("send-plan")).ToHaveAttributeAsync("data-verdict", "Refuse");
        await Assertions.Expect(review.GetByTestId("plan-refuse")).ToContainTextAsync("1 calls");
        await Assertions.Expect(review.GetByTestId("publish-go")).ToBeDisabledAsync();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(ContentStatus.Approved, (await db.Articles.AsNoTracking().SingleAsync()).Status);
        Assert.Equal(0, await db.NotificationCalls.CountAsync());
    }

    [Fact]
    public async Task A_push_when_someone_may_have_had_the_days_limit_is_explained_and_published_after_confirming()
    {
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Content:Delivery:DailyMessagesPerPerson"] = "1" });
        await using var editorContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var editor = await PersonAsync(host, await TestSignIn.AsDemoPersonAsync(editorContext, 0), Role.Editor);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            // The editor had a to-do notification today: one more message would meet the limit of one.
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var todo = await TodoSeed.TodoAsync(db, await TodoSeed.ClientAsync(db, now), [editor], now);
            await db.TodoAssignees.Where(a => a.TodoId == todo).ExecuteUpdateAsync(set => set.SetProperty(a => a.NotifiedAt, now));
        }

        var path = await SubmitNewAsync(editorContext, "news", "今日第二条消息");
        await using var approverContext = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var review = await ApproveAsync(host, approverContext, path);

        await Assertions.Expect(review.GetByTestId("send-plan")).ToHaveAttributeAsync("data-verdict", "Warn");
        await Assertions.Expect(review.GetByTestId("plan-daily-limit")).ToContainTextAsync("DingTalk delivers at most 1 a person a day");
        await Assertions.Expect(review.GetByTestId("plan-warn")).ToHaveCountAsync(0);
        await review.GetByTestId("publish-go").ClickAsync();
        var dialog = review.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("DingTalk's limit of 1 work notifications a day");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Assertions.Expect(review.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Published");
    }

    [Fact]
    public async Task A_rejection_asks_for_a_comment_the_author_sees_it_and_a_published_item_is_revised_or_archived_after_confirming()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var authorContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var author = await PersonAsync(host, await TestSignIn.AsDemoPersonAsync(authorContext, 0), Role.Editor);
        await using var approverContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var approver = await PersonAsync(host, await TestSignIn.AsDemoPersonAsync(approverContext, 1), Role.Approver);
        var rejectable = await WorkflowAsync(host, author, approver, "待退回的通知", publish: false);
        var published = await WorkflowAsync(host, author, approver, "已发布的新闻", publish: true);

        var review = await approverContext.NewPageAsync();
        await review.GotoAsync($"/editor/{rejectable:D}");
        await PageConsole.WaitForInteractiveAsync(review);
        await review.GetByTestId("reject").ClickAsync();
        await Assertions.Expect(review.GetByTestId("review-problem")).ToBeVisibleAsync();
        await review.GetByTestId("reject-comment").FillAsync("请补充放假安排");
        await review.GetByTestId("reject").ClickAsync();
        await review.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        await Assertions.Expect(review.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Rejected");

        var page = await authorContext.NewPageAsync();
        await page.GotoAsync($"/editor/{rejectable:D}");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("rejection-comment")).ToContainTextAsync("请补充放假安排");
        await Assertions.Expect(page.GetByTestId("title")).ToHaveValueAsync("待退回的通知");

        await page.GotoAsync($"/editor/{published:D}");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.GetByTestId("revise").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex(published.ToString("D")));
        await Assertions.Expect(page).ToHaveURLAsync(EditAddress());
        await Assertions.Expect(page.GetByTestId("title")).ToHaveValueAsync("已发布的新闻");
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Draft");

        await page.GotoAsync($"/editor/{published:D}");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("open-revision")).ToBeVisibleAsync();
        await page.GetByTestId("archive").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Published");
        await page.GetByTestId("archive").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "归档" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Archived");
    }

    private static async Task<string> SubmitNewAsync(IBrowserContext editorContext, string kind, string title)
    {
        var page = await editorContext.NewPageAsync();
        await page.GotoAsync($"/editor/new/{kind}");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.GetByTestId("title").FillAsync(title);
        if (kind == "notice")
        {
            await Assertions.Expect(page.GetByTestId("notice-options")).ToBeVisibleAsync();
        }

        await page.GetByTestId("submit").ClickAsync();
        await page.GetByTestId("confirm-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Submitted");
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>A second person, made approver, approves the item and is left before its publish panel.</summary>
    private static async Task<IPage> ApproveAsync(KestrelPortal host, IBrowserContext approverContext, string path)
    {
        await TestRoles.GrantAsync(host.Services, await TestSignIn.AsDemoPersonAsync(approverContext, 1), Role.Approver);
        var review = await approverContext.NewPageAsync();
        await review.GotoAsync(path);
        await PageConsole.WaitForInteractiveAsync(review);
        await review.GetByTestId("approve").ClickAsync();
        return review;
    }

    private static async Task<Guid> PersonAsync(KestrelPortal host, string userId, string role)
    {
        await TestRoles.GrantAsync(host.Services, userId, role);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.People.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Writes and submits an item through the use cases; <paramref name="publish"/> also approves and publishes it.</summary>
    private static async Task<Guid> WorkflowAsync(KestrelPortal host, Guid author, Guid approver, string title, bool publish)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var input = new DraftInput(ContentKind.News, title, null, "<p>正文</p>", null, false, false, null, false, AudienceInput.ForEveryone());
        var id = (await services.GetRequiredService<SaveDraft>().RunAsync(null, author, input, null, default)).Id;
        await services.GetRequiredService<SubmitArticle>().RunAsync(id, author, default);
        if (publish)
        {
            await services.GetRequiredService<ApproveArticle>().RunAsync(id, approver, default);
            await services.GetRequiredService<PublishArticle>().RunAsync(id, approver, null, false, default);
        }

        return id;
    }

    private static async Task<string?> TitleAsync(KestrelPortal host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.Articles.AsNoTracking().Select(a => a.Title).SingleOrDefaultAsync();
    }

    [GeneratedRegex(@"/editor/[0-9a-f-]{36}$")]
    private static partial Regex EditAddress();
}
