using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Domain.Audiences;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class AdminBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_gives_someone_the_editor_role_with_a_live_preview_and_the_change_is_audited()
    {
        await using var host = await KestrelPortal.StartAsync();
        var (context, admin) = await AdminAsync(host);
        await using var ownedContext = context;
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);

        await page.GotoAsync("/admin/roles/editor");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.GetByTestId("add-rule").ClickAsync();
        await page.GetByTestId("rule").Locator("select").First.SelectOptionAsync("Person");
        await page.GetByTestId("rule-person-search").PressSequentiallyAsync(await NameOfAsync(host, admin));
        await page.GetByTestId("rule-person-option").First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("preview-count")).ToHaveAttributeAsync("data-count", "1");
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.GetByTestId("audit-entry").First).ToContainTextAsync("role.rules.changed");
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task An_admin_picks_members_by_name_tells_namesakes_apart_and_confirms_a_removal()
    {
        await using var host = await KestrelPortal.StartAsync();
        var (context, _) = await AdminAsync(host);
        await using var ownedContext = context;
        var (sales, support) = await NamesakesAsync(host, "林晓雨");
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/admin/roles/approver");
        await PageConsole.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("input[placeholder='userId']")).ToHaveCountAsync(0);
        await page.GetByTestId("add-person").ClickAsync();
        await page.GetByTestId("rule-person-search").PressSequentiallyAsync("林晓雨");
        var options = page.GetByTestId("rule-person-option");
        await Assertions.Expect(options).ToHaveCountAsync(2);
        await Assertions.Expect(options.Filter(new() { HasText = "华东大客户部" })).ToContainTextAsync("客户经理");
        await options.Filter(new() { HasText = "客户服务部" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule-person")).ToContainTextAsync("林晓雨");
        await Assertions.Expect(page.GetByTestId("rule-person")).ToContainTextAsync("客户服务部 · 客服专员");
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        Assert.Equal([support], await MembersAsync(host, Role.Approver));

        await page.GetByTestId("remove-rule").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule")).ToHaveCountAsync(1);
        await page.GetByTestId("remove-rule").ClickAsync();
        await Assertions.Expect(page.GetByText("Remove 林晓雨 from the rules?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule")).ToHaveCountAsync(0);
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        Assert.Empty(await MembersAsync(host, Role.Approver));
        Assert.NotEqual(sales, support);
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task An_admin_starts_an_import_after_confirming_and_sees_it_finish()
    {
        // The test clock stands still; pacing and QPS limits measured on it would never let a second pass.
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?>
        {
            ["DingTalk:Simulator:EnforceLimits"] = "false",
            ["DingTalk:Client:DefaultQps"] = "0",
        });
        var (context, admin) = await AdminAsync(host);
        await using var ownedContext = context;
        var page = await BrowserPages.OpenAsync(context, "/admin/import");

        await page.GetByTestId("start-import").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-run").First).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("import-result").First).ToContainTextAsync(Imported());
    }

    [Fact]
    public async Task Someone_without_the_admin_role_sees_the_forbidden_page()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var page = await BrowserPages.OpenAsync(context, "/me");

        await page.GotoAsync("/admin/roles");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/forbidden"));
    }

    private async Task<(IBrowserContext Context, string UserId)> AdminAsync(KestrelPortal host)
    {
        var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var admin = await TestSignIn.AsDemoPersonAsync(context);
        await TestRoles.GrantAsync(host.Services, admin, Role.Admin);
        return (context, admin);
    }

    private static async Task<string> NameOfAsync(KestrelPortal host, string userId)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.People.Where(p => p.UserId == userId).Select(p => p.Name).SingleAsync();
    }

    /// <summary>Two active people of the same name, one a sales account manager, one in customer service.</summary>
    private static async Task<(Guid Sales, Guid Support)> NamesakesAsync(KestrelPortal host, string name)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        db.Departments.AddRange(new Department(9101, "华东大客户部", null), new Department(9102, "客户服务部", null));
        var sales = new Person("namesake-sales", name) { Title = "客户经理" };
        sales.Departments.Add(new PersonDepartment { PersonId = sales.Id, DepartmentId = 9101 });
        var support = new Person("namesake-support", name) { Title = "客服专员" };
        support.Departments.Add(new PersonDepartment { PersonId = support.Id, DepartmentId = 9102 });
        db.People.AddRange(sales, support);
        await db.SaveChangesAsync();
        return (sales.Id, support.Id);
    }

    private static async Task<List<Guid>> MembersAsync(KestrelPortal host, string roleKey)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.RoleMembers.Where(m => db.Roles.Any(r => r.Id == m.RoleId && r.Key == roleKey)).Select(m => m.PersonId).ToListAsync();
    }

    [GeneratedRegex(@"\d+ people imported")]
    private static partial Regex Imported();
}
