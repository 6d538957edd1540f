using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audiences;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Editing.Pages;

namespace Portal.Tests.Components.Editing;

/// <summary>The editor page: a new notice gets its address, is submitted to the reach it shows, rejected and resubmitted.</summary>
public sealed class EditPageTests : EditorComponentTest
{
    [Fact]
    public async Task After_a_rejection_the_author_reselects_the_department_adds_a_person_and_resubmits_to_exactly_them()
    {
        SignIn(People.Editor, ComponentOrganisation.NameOf("editor"));
        var page = Render<EditPage>(p => p.Add(e => e.Kind, "notice"));
        await TypeTitleAsync(page, "研发中心体检安排");
        PauseTyping();
        page.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(page)));
        var id = FollowAddress(page);

        await ClickAsync(page.Find("[data-testid=audience-chosen]"));
        await AddAsync(page, "add-department", "研发中心", "研发中心 (2)");
        PauseTyping();
        page.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(page)));
        await ClickAsync(page.Find("[data-testid=submit]"));
        Assert.Contains("送达 2 人", page.Find("[data-testid=submit-confirm]").TextContent, StringComparison.Ordinal);
        await ClickAsync(page.Find("[data-testid=confirm-submit]"));
        page.WaitForAssertion(() => Assert.Equal("Submitted", page.Find("[data-testid=item-status]").GetAttribute("data-status")));
        Assert.Empty(page.FindAll("[data-testid=title]"));

        await RunAsync<RejectArticle, bool>(async reject =>
        {
            await reject.RunAsync(id, People.Approver, "请加上项目经理", default);
            return true;
        });

        // The author opens the item again, as after a reload.
        await DisposeComponentsAsync();
        page = Render<EditPage>(p => p.Add(e => e.Id, id));
        page.WaitForAssertion(() => Assert.Contains("请加上项目经理", page.Find("[data-testid=rejection-comment]").TextContent, StringComparison.Ordinal));
        Assert.Equal("研发中心体检安排", page.Find("[data-testid=title]").GetAttribute("value"));
        await ClickAsync(Rules(page)[0].QuerySelectorAll("button").Single(b => b.TextContent == "删除"));
        Assert.Equal("0", page.Find("[data-testid=reach]").GetAttribute("data-people"));
        PauseTyping();
        page.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(page)));

        await AddAsync(page, "add-department", "研发中心", "研发中心 (2)");
        await AddAsync(page, "add-person", "sales", "孙销售 (sales)");
        Assert.Equal("3", page.Find("[data-testid=reach]").GetAttribute("data-people"));
        PauseTyping();
        page.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(page)));
        await ClickAsync(page.Find("[data-testid=submit]"));
        Assert.Contains("送达 3 人", page.Find("[data-testid=submit-confirm]").TextContent, StringComparison.Ordinal);
        await ClickAsync(page.Find("[data-testid=confirm-submit]"));
        page.WaitForAssertion(() => Assert.Equal("Submitted", page.Find("[data-testid=item-status]").GetAttribute("data-status")));

        await using var db = await DbAsync();
        var audienceId = await db.Articles.Where(a => a.Id == id).Select(a => a.AudienceId).SingleAsync();
        var audience = await db.Audiences.AsNoTracking().Include(a => a.Rules).SingleAsync(a => a.Id == audienceId);
        Assert.False(audience.Everyone);
        Assert.Equal(
            [(AudienceRuleKind.Department, ComponentOrganisation.Research, true, null), (AudienceRuleKind.Person, null, false, People.SalesPerson)],
            audience.Rules.Select(r => (r.Kind, r.DepartmentId, r.IncludeSubdepartments, r.PersonId)).Order());
    }

    [Fact]
    public async Task An_item_the_person_may_not_see_and_a_kind_that_does_not_exist_show_not_found()
    {
        var id = (await RunAsync<SaveDraft, SavedDraft>(save => save.RunAsync(
            null, People.Editor, new DraftInput(Portal.Domain.Content.ContentKind.News, "草稿", null, "", null, false, false, null, false, AudienceInput.ForEveryone()), null, default))).Id;
        SignIn(People.SalesPerson, ComponentOrganisation.NameOf("sales"));

        foreach (var page in new[] { Render<EditPage>(p => p.Add(e => e.Id, id)), Render<EditPage>(p => p.Add(e => e.Kind, "memo")) })
        {
            page.WaitForAssertion(() => Assert.Contains("页面不存在", page.Find(".editor .empty-state").TextContent, StringComparison.Ordinal));
            Assert.Empty(page.FindAll("[data-testid=title]"));
        }
    }

    /// <summary>The new item's address, set by the editor after its first save; the router then hands the page its id.</summary>
    private Guid FollowAddress(IRenderedComponent<EditPage> page)
    {
        var address = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Matches("^/editor/[0-9a-f-]{36}$", address.AbsolutePath);
        var id = Guid.Parse(address.Segments[^1]);
        page.Render(p => p.Add(e => e.Id, id));
        return id;
    }

    private static IReadOnlyList<IElement> Rules(IRenderedComponent<EditPage> page) => [.. page.FindAll("[data-testid=audience-rule]")];

    private static async Task AddAsync(IRenderedComponent<EditPage> page, string button, string term, string option)
    {
        await ClickAsync(page.Find($"[data-testid={button}]"));
        await TypeAsync(Rules(page)[^1].QuerySelector("[data-testid=picker-search]")!, term);
        await ClickAsync(Rules(page)[^1].QuerySelectorAll("[data-testid=picker-option]").Single(o => o.TextContent == option));
    }
}
