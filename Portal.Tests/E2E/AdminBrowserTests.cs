using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Domain.Audiences;
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
        await page.GetByTestId("rule-user").FillAsync(admin);
        await page.GetByTestId("rule-user").BlurAsync();

        await Assertions.Expect(page.GetByTestId("preview-count")).ToHaveAttributeAsync("data-count", "1");
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.GetByTestId("audit-entry").First).ToContainTextAsync("role.rules.changed");
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

    [Fact]
    public async Task An_admin_sends_a_dead_letter_back_for_delivery()
    {
        await using var host = await KestrelPortal.StartAsync();
        var (context, admin) = await AdminAsync(host);
        await using var ownedContext = context;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            var message = new OutboxMessage("webhook.decision", "{}", "decision-42", host.Time.GetUtcNow().UtcDateTime);
            for (var attempt = 0; attempt < 8; attempt++)
            {
                message.Failed("503 from receiver", host.Time.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1), maxAttempts: 8);
            }

            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
        }

        var page = await BrowserPages.OpenAsync(context, "/admin/outbox");
        await Assertions.Expect(page.GetByTestId("dead-letter")).ToHaveAttributeAsync("data-status", "DeadLettered");
        await page.GetByTestId("retry").ClickAsync();

        await Assertions.Expect(page.GetByTestId("retry")).ToHaveCountAsync(0);
        await using var check = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(OutboxStatus.Pending, (await check.OutboxMessages.SingleAsync()).Status);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == "outbox.retried"));
    }

    private async Task<(IBrowserContext Context, string UserId)> AdminAsync(KestrelPortal host)
    {
        var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var admin = await TestSignIn.AsDemoPersonAsync(context);
        await TestRoles.GrantAsync(host.Services, admin, Role.Admin);
        return (context, admin);
    }

    [GeneratedRegex(@"\d+ people imported")]
    private static partial Regex Imported();
}
