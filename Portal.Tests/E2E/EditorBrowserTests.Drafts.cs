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
using Portal.Web.Infrastructure.Logging;

namespace Portal.Tests.E2E;

/// <summary>A draft's life on a phone: what the audience editor saves, failed saves, deleted drafts, the submit bar.</summary>
public sealed partial class EditorBrowserTests
{
    [Fact]
    public async Task A_department_and_a_person_added_after_the_first_autosave_are_saved_and_are_exactly_who_the_published_item_reaches()
    {
        var host = await KestrelPortal.StartAsync(DeliveryPortal.Settings());
        await using var organisation = await EditorPages.WithOrganisationAsync(host);
        await using var editorContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestRoles.GrantAsync(organisation.Services, await TestSignIn.AsDemoPersonAsync(editorContext, 0), Role.Editor);
        (long Department, HashSet<string> Members, string Outsider, Guid OutsiderId) target;
        await using (var db = organisation.Db())
        {
            target = await EditorPages.DepartmentAndOutsiderAsync(db, "研发中心");
        }

        var expected = new HashSet<string>(target.Members) { target.Outsider };
        var page = await EditorPages.OpenNewAsync(editorContext, "news");
        await page.GetByTestId("title").FillAsync("研发中心搬入新园区");
        await EditorPages.SavedAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(EditAddress());

        await page.GetByTestId("audience-chosen").ClickAsync();
        await EditorPages.AddDepartmentAsync(page, "研发中心");
        await EditorPages.AddPersonAsync(page, target.Outsider);
        await Assertions.Expect(page.GetByTestId("reach")).ToHaveAttributeAsync("data-people", $"{expected.Count}");
        await EditorPages.SavedAsync(page);
        await Assertions.Expect(await EditorPages.ReviewSubmitAsync(page)).ToContainTextAsync($"送达 {expected.Count} 人");
        await page.GetByTestId("confirm-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Submitted");

        var id = EditorPages.ItemId(page);
        await using (var db = organisation.Db())
        {
            var (everyone, rules) = await EditorPages.AudienceAsync(db, id);
            Assert.False(everyone);
            Assert.Equal([(AudienceRuleKind.Department, target.Department, true, null), (AudienceRuleKind.Person, null, false, target.OutsiderId)], rules);
        }

        await using var approverContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var review = await ApproveAsync(host, approverContext, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(review.GetByTestId("send-plan")).ToHaveAttributeAsync("data-recipients", $"{expected.Count}");
        await review.GetByTestId("publish-go").ClickAsync();
        await Assertions.Expect(review.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Published");

        await organisation.DrainAsync();
        var received = await organisation.ReceivedAsync("研发中心搬入新园区");
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Where(r => r.Value > 0).Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(received.Values, times => Assert.True(times <= 1));
    }

    [Fact]
    public async Task A_save_the_database_refuses_is_shown_as_not_saved_is_logged_without_the_draft_and_is_retried_on_submit()
    {
        var logDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("n"));
        Guid id;
        var host = await KestrelPortal.StartAsync(DeliveryPortal.Settings(new Dictionary<string, string?> { ["Logging:File:Path"] = Path.Combine(logDirectory, "portal.log") }));
        await using (var organisation = await EditorPages.WithOrganisationAsync(host))
        {
            await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
            await TestRoles.GrantAsync(organisation.Services, await TestSignIn.AsDemoPersonAsync(context, 0), Role.Editor);
            (long Department, HashSet<string> Members, string Outsider, Guid OutsiderId) target;
            await using (var db = organisation.Db())
            {
                target = await EditorPages.DepartmentAndOutsiderAsync(db, "研发中心");
            }

            var page = await EditorPages.OpenNewAsync(context, "news");
            await page.GetByTestId("title").FillAsync("机密的季度计划");
            await EditorPages.SavedAsync(page);
            id = EditorPages.ItemId(page);
            await using (var db = organisation.Db())
            {
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_rules BEFORE INSERT ON AudienceRules BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
            }

            await page.GetByTestId("audience-chosen").ClickAsync();
            await EditorPages.AddDepartmentAsync(page, "研发中心");
            await Assertions.Expect(page.GetByTestId("autosave")).ToHaveAttributeAsync("data-state", "failed");
            await Assertions.Expect(page.GetByTestId("editor-problem")).ToContainTextAsync("没有保存");
            await page.GetByTestId("submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("autosave")).ToHaveAttributeAsync("data-state", "failed");
            await Assertions.Expect(page.GetByTestId("submit-confirm")).ToHaveCountAsync(0);

            await using (var db = organisation.Db())
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_rules");
            }

            await Assertions.Expect(await EditorPages.ReviewSubmitAsync(page)).ToContainTextAsync($"送达 {target.Members.Count} 人");
            await EditorPages.SavedAsync(page);
            await using (var db = organisation.Db())
            {
                Assert.Equal(AudienceRuleKind.Department, Assert.Single((await EditorPages.AudienceAsync(db, id)).Rules).Kind);
            }
        }

        var lines = Directory.GetFiles(logDirectory).SelectMany(File.ReadAllLines).ToList();
        Directory.Delete(logDirectory, recursive: true);
        var failures = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("Saving draft", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, e => Assert.Equal(("Error", id.ToString()), (e.GetProperty("Level").GetString(), e.GetProperty("Properties").GetProperty("ArticleId").GetString())));
        // The save ran in the editor's circuit, not in a request: the circuit's id is what ties the line to the session.
        Assert.All(failures, e => Assert.NotEmpty(e.GetProperty("Properties").GetProperty(CircuitLogContext.PropertyName).GetString()!));
        Assert.DoesNotContain("机密的季度计划", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_deletes_a_draft_after_confirming_and_a_published_item_offers_no_delete()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var author = await PersonAsync(host, await TestSignIn.AsDemoPersonAsync(context, 0), Role.Editor);
        await using var approverContext = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var approver = await PersonAsync(host, await TestSignIn.AsDemoPersonAsync(approverContext, 1), Role.Approver);
        var published = await WorkflowAsync(host, author, approver, "已发布的新闻", publish: true);
        var page = await EditorPages.OpenNewAsync(context, "news");
        await page.GetByTestId("title").FillAsync("写错了的草稿");
        await EditorPages.SavedAsync(page);
        var id = EditorPages.ItemId(page);

        await page.GetByTestId("delete-draft").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("title")).ToHaveValueAsync("写错了的草稿");
        await page.GetByTestId("delete-draft").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/editor$"));
        await Assertions.Expect(page.GetByTestId("my-items")).ToContainTextAsync("已发布的新闻");
        await Assertions.Expect(page.GetByTestId("my-items")).Not.ToContainTextAsync("写错了的草稿");
        await page.GotoAsync($"/editor/{id:D}");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".editor .empty-state")).ToContainTextAsync("页面不存在");
        await Assertions.Expect(page.GetByTestId("title")).ToHaveCountAsync(0);

        await page.GotoAsync($"/editor/{published:D}");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Published");
        await Assertions.Expect(page.GetByTestId("delete-draft")).ToHaveCountAsync(0);
        await using var db = host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();
        var deleted = await db.Articles.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id);
        Assert.Equal("Deleted", deleted.Status.ToString());
        Assert.Contains(deleted.History, h => h.Action == "deleted" && h.ActorId == author);
    }

    [Fact]
    public async Task The_submit_confirmation_on_a_phone_is_in_view_above_the_tab_bar_wherever_the_page_was_scrolled()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestRoles.GrantAsync(host.Services, await TestSignIn.AsDemoPersonAsync(context, 0), Role.Editor);
        var page = await EditorPages.OpenNewAsync(context, "notice");
        await page.GetByTestId("title").FillAsync("端午节放假通知");
        await EditorPages.SavedAsync(page);

        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        await EditorPages.ReviewSubmitAsync(page);
        Assert.True(await EditorPages.TappableAsync(page.GetByTestId("confirm-submit")), "the confirmation is out of view or covered (page at the bottom)");
        await page.GetByTestId("submit-confirm").GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-confirm")).ToHaveCountAsync(0);

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await EditorPages.ReviewSubmitAsync(page);
        Assert.True(await EditorPages.TappableAsync(page.GetByTestId("confirm-submit")), "the confirmation is out of view or covered (page at the top)");
        await page.GetByTestId("confirm-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Submitted");
    }

    /// <summary>The editor writes a new item with just a title and submits it; returns the item page's path.</summary>
}
