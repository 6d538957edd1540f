using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Tests.Content.Delivery;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>What an editor does on the editor pages, step by step as a person on the phone does it.</summary>
internal static class EditorPages
{
    /// <summary>
    /// The portal with the simulator's organisation in its directory and its outbox left to the test
    /// (started with <see cref="DeliveryPortal.Settings"/>); disposing the result stops the portal.
    /// </summary>
    public static async Task<DeliveryPortal> WithOrganisationAsync(KestrelPortal host)
    {
        var organisation = new DeliveryPortal(host);
        await organisation.ImportAsync();
        return organisation;
    }

    public static async Task<IPage> OpenNewAsync(IBrowserContext context, string kind)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/editor/new/{kind}");
        await PageConsole.WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>The editing area of the body's rich-text editor.</summary>
    public static ILocator Body(IPage page) => page.Locator("[data-testid=body] .rich-text-content");

    /// <summary>Pastes HTML into the body at the cursor, as a paste from another page delivers it.</summary>
    public static Task PasteHtmlAsync(IPage page, string html) => Body(page).EvaluateAsync("""
        (body, html) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', html.replace(/<[^>]*>/g, ''));
            body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """, html);

    public static Task SavedAsync(IPage page) =>
        Assertions.Expect(page.GetByTestId("autosave")).ToHaveAttributeAsync("data-state", "saved");

    public static Guid ItemId(IPage page) => Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);

    /// <summary>Adds a department (with its sub-departments) found by its name to a chosen audience.</summary>
    public static async Task AddDepartmentAsync(IPage page, string name)
    {
        await AddRuleAsync(page, "add-department");
        await PickAsync(page, name, name + " (");
    }

    /// <summary>Adds a person found by their DingTalk userId to a chosen audience.</summary>
    public static async Task AddPersonAsync(IPage page, string userId)
    {
        await AddRuleAsync(page, "add-person");
        await PickAsync(page, userId, $"({userId})");
    }

    /// <summary>Asks to submit and waits for the confirmation of the reach.</summary>
    public static async Task<ILocator> ReviewSubmitAsync(IPage page)
    {
        await page.GetByTestId("submit").ClickAsync();
        var confirm = page.GetByTestId("submit-confirm");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        return confirm;
    }

    /// <summary>
    /// Whether a person could tap the element where it is now, without scrolling: it lies inside the
    /// viewport and nothing (the tab bar, say) is drawn over its centre.
    /// </summary>
    public static Task<bool> TappableAsync(ILocator element) => element.EvaluateAsync<bool>("""
        element => {
            const box = element.getBoundingClientRect();
            if (box.width === 0 || box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) {
                return false;
            }

            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return hit !== null && (hit === element || element.contains(hit));
        }
        """);

    /// <summary>The audience an item is stored with: whether it is everyone, and its rules as (kind, department, subtree, person).</summary>
    public static async Task<(bool Everyone, List<(AudienceRuleKind Kind, long? DepartmentId, bool Subtree, Guid? PersonId)> Rules)> AudienceAsync(PortalDb db, Guid articleId)
    {
        var audienceId = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.AudienceId).SingleAsync();
        var audience = await db.Audiences.AsNoTracking().Include(a => a.Rules).SingleAsync(a => a.Id == audienceId);
        return (audience.Everyone, [.. audience.Rules.Select(r => (r.Kind, r.DepartmentId, r.IncludeSubdepartments, r.PersonId)).Order()]);
    }

    /// <summary>A department by name, the active people in it and below, and an active person outside it.</summary>
    public static async Task<(long Department, HashSet<string> Members, string Outsider, Guid OutsiderId)> DepartmentAndOutsiderAsync(PortalDb db, string name)
    {
        var department = await db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
        var subtree = db.DepartmentClosures.Where(c => c.AncestorId == department).Select(c => c.DescendantId);
        var members = await db.People.Where(p => p.Active && p.Departments.Any(d => subtree.Contains(d.DepartmentId))).Select(p => p.UserId).ToListAsync();
        var outsider = await db.People.Where(p => p.Active && !p.Departments.Any(d => subtree.Contains(d.DepartmentId)))
            .OrderBy(p => p.UserId).Select(p => new { p.UserId, p.Id }).FirstAsync();
        Assert.NotEmpty(members);
        return (department, [.. members], outsider.UserId, outsider.Id);
    }

    // The new row arrives with the server's next render: typing before it would land in the row above.
    private static async Task AddRuleAsync(IPage page, string button)
    {
        var rules = page.GetByTestId("audience").GetByTestId("audience-rule");
        var before = await rules.CountAsync();
        await page.GetByTestId(button).ClickAsync();
        await Assertions.Expect(rules).ToHaveCountAsync(before + 1);
    }

    private static async Task PickAsync(IPage page, string term, string option)
    {
        var rule = page.GetByTestId("audience").GetByTestId("audience-rule").Last;
        await rule.GetByTestId("picker-search").FillAsync(term);
        await rule.GetByTestId("picker-option").Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(rule.GetByTestId("picker-search")).ToHaveAttributeAsync("placeholder", new Regex(Regex.Escape(option)));
    }
}
