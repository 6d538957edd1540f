using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Editing.Pages;

namespace Portal.Tests.Components.Editing;

/// <summary>The audience editor: each rule added, changed or removed is counted again as people.</summary>
public sealed class AudienceEditorTests : EditorComponentTest
{
    private readonly DraftForm form = new();
    private int changes;

    [Fact]
    public async Task Rules_added_changed_and_removed_update_the_reach_and_the_form_and_report_each_change()
    {
        var cut = await RenderAsync();
        Assert.Equal(("6", "3"), Reach(cut));
        Assert.Equal("将送达 6 人，分布在 3 个部门", cut.Find("[data-testid=reach]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=add-department]"));

        await ClickAsync(cut.Find("[data-testid=audience-chosen]"));
        Assert.Equal(("0", "0"), Reach(cut));

        await ClickAsync(cut.Find("[data-testid=add-department]"));
        Assert.Equal("Department", Assert.Single(Rules(cut)).GetAttribute("data-kind"));
        Assert.Equal(("0", "0"), Reach(cut));
        await PickAsync(cut, "研发", "研发中心 (2)");
        Assert.Equal(("2", "2"), Reach(cut));

        await Rules(cut)[0].QuerySelector("[data-testid=subtree]")!.ChangeAsync(new ChangeEventArgs { Value = false });
        Assert.Equal(("1", "1"), Reach(cut));

        await ClickAsync(cut.Find("[data-testid=add-person]"));
        await PickAsync(cut, "sales", "孙销售 (sales)");
        Assert.Equal(("2", "2"), Reach(cut));

        await ClickAsync(cut.Find("[data-testid=add-role]"));
        await Rules(cut)[^1].QuerySelector("select")!.ChangeAsync(new ChangeEventArgs { Value = (await RoleAsync(Role.Editor)).ToString() });
        Assert.Equal(("3", "2"), Reach(cut));

        await ClickAsync(Rules(cut)[0].QuerySelectorAll("button").Single(b => b.TextContent == "删除"));
        Assert.Equal(["Person", "Role"], Rules(cut).Select(r => r.GetAttribute("data-kind")));
        Assert.Equal(("2", "1"), Reach(cut));

        await ClickAsync(cut.Find("[data-testid=add-exclusion]"));
        await PickAsync(cut, "王编辑", "王编辑 (editor)");
        Assert.True(Rules(cut)[^1].HasAttribute("data-exclude"));
        Assert.Equal(("1", "1"), Reach(cut));

        // Everyone keeps the exclusions only: the people and roles chosen before are hidden, not deleted.
        await ClickAsync(cut.Find("[data-testid=audience-everyone]"));
        Assert.Equal(["Person"], Rules(cut).Select(r => r.GetAttribute("data-kind")));
        Assert.Equal(("5", "3"), Reach(cut));

        Assert.Equal(12, changes);
        var audience = form.Audience();
        Assert.True(audience.Everyone);
        Assert.Equal(
            [(AudienceRuleKind.Person, false, People.SalesPerson), (AudienceRuleKind.Role, false, null), (AudienceRuleKind.Person, true, People.Editor)],
            audience.Rules.Select(r => (r.Kind, r.Exclude, r.PersonId)));
    }

    [Fact]
    public async Task A_rule_that_points_at_nothing_yet_counts_for_nobody_and_a_read_only_audience_offers_no_changes()
    {
        var cut = await RenderAsync();
        await ClickAsync(cut.Find("[data-testid=audience-chosen]"));
        await ClickAsync(cut.Find("[data-testid=add-person]"));
        await TypeAsync(cut.Find("[data-testid=picker-search]"), "没有这个人");
        Assert.Empty(cut.FindAll("[data-testid=picker-option]"));
        Assert.Equal(("0", "0"), Reach(cut));

        await PickAsync(cut, "陈研发", "陈研发 (researcher)");
        cut.Render(p => p.Add(e => e.Editable, false));
        Assert.Empty(cut.FindAll("button:not([disabled])"));
        Assert.Empty(cut.FindAll("[data-testid=picker-search]"));
        Assert.Contains("陈研发 (researcher)", Assert.Single(Rules(cut)).TextContent, StringComparison.Ordinal);
        Assert.Equal(("1", "1"), Reach(cut));
    }

    private async Task<IRenderedComponent<AudienceEditor>> RenderAsync()
    {
        await using var db = await DbAsync();
        var roles = (await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync()).Select(r => (r.Id, r.Name)).ToList();
        return Render<AudienceEditor>(p => p
            .Add(e => e.Form, form)
            .Add(e => e.Roles, roles)
            .Add(e => e.Changed, () => changes++));
    }

    private async Task<Guid> RoleAsync(string key)
    {
        await using var db = await DbAsync();
        return await db.Roles.Where(r => r.Key == key).Select(r => r.Id).SingleAsync();
    }

    private static (string? People, string? Departments) Reach(IRenderedComponent<AudienceEditor> cut)
    {
        var reach = cut.Find("[data-testid=reach]");
        return (reach.GetAttribute("data-people"), reach.GetAttribute("data-departments"));
    }

    private static IReadOnlyList<IElement> Rules(IRenderedComponent<AudienceEditor> cut) => [.. cut.FindAll("[data-testid=audience-rule]")];

    /// <summary>Searches in the last rule's picker and picks the option shown as <paramref name="option"/>.</summary>
    private static async Task PickAsync(IRenderedComponent<AudienceEditor> cut, string term, string option)
    {
        await TypeAsync(Rules(cut)[^1].QuerySelector("[data-testid=picker-search]")!, term);
        var match = Rules(cut)[^1].QuerySelectorAll("[data-testid=picker-option]").Single(o => o.TextContent == option);
        await ClickAsync(match);
    }
}
