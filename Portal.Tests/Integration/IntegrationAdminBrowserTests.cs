using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Integration.IntegrationTestKit;

namespace Portal.Tests.Integration;

/// <summary>An admin issues a key (shown once, copyable), changes its scopes and revokes it; each step audited and in force at once.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class IntegrationAdminBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_issues_a_key_copies_it_once_changes_its_scopes_and_revokes_it()
    {
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Integration:DemoClient:Key"] = "" });
        await using var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var admin = await TestSignIn.AsDemoPersonAsync(context);
        await TestRoles.GrantAsync(host.Services, admin, Role.Admin);
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);

        await page.GotoAsync("/admin");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Integration clients" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/admin/integrations");
        await PageConsole.WaitForInteractiveAsync(page);

        await page.GetByTestId("issue-name").FillAsync("oa-system");
        await page.GetByTestId("issue-scope-content:publish").CheckAsync();
        await page.GetByTestId("issue-submit").ClickAsync();

        var shown = page.GetByTestId("issued-key");
        await Assertions.Expect(shown).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ptl_[A-Za-z0-9]{40}$"));
        await Assertions.Expect(page.GetByTestId("issued")).ToContainTextAsync("shown only this once");
        var key = await shown.InputValueAsync();
        await page.GetByTestId("copy-key").ClickAsync();
        await Assertions.Expect(page.GetByTestId("copy-key")).ToHaveTextAsync("Copied");
        Assert.Equal(key, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        Assert.Equal("published", (await PostAsync(host.Http, key, News())).ItemStatus);

        await page.GetByTestId("issued-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("issued-key")).ToHaveCountAsync(0);
        var card = page.Locator("[data-testid=client][data-name=oa-system]");
        await Assertions.Expect(card.GetByTestId("client-prefix")).ToHaveTextAsync(key[..12] + "…");
        var reopened = await context.APIRequest.GetAsync("/admin/integrations");
        Assert.Contains("oa-system", await reopened.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(key[12..], await reopened.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(key[12..], await page.ContentAsync(), StringComparison.Ordinal);

        await card.GetByTestId("client-oa-system-scope-content:publish").UncheckAsync();
        await card.GetByTestId("save-scopes").ClickAsync();
        await Assertions.Expect(card.GetByTestId("client-message")).ToContainTextAsync("Scopes saved");
        Assert.Equal("submitted", (await PostAsync(host.Http, key, News())).ItemStatus);

        await card.GetByTestId("revoke").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-revoked", "true");
        await Assertions.Expect(card.GetByTestId("revoke")).ToHaveCountAsync(0);
        Assert.Equal("revoked-key", (await PostAsync(host.Http, key, News())).Code);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Subject == "integration oa-system").OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
        Assert.Equal(["integration.client.issued", "integration.client.scopes-changed", "integration.client.revoked"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.NotNull(e.ActorId));
        Assert.Contains(IntegrationClient.ContentPublish, audit[1].Before!, StringComparison.Ordinal);
        Assert.DoesNotContain(IntegrationClient.ContentPublish, audit[1].After!, StringComparison.Ordinal);
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task A_cancelled_revocation_keeps_the_key_working_and_a_bad_issue_is_explained()
    {
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Integration:DemoClient:Key"] = "" });
        var key = await IssueKeyAsync(host.Services, "erp", IntegrationClient.ContentWrite);
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var admin = await TestSignIn.AsDemoPersonAsync(context);
        await TestRoles.GrantAsync(host.Services, admin, Role.Admin);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/integrations");
        await PageConsole.WaitForInteractiveAsync(page);

        await page.GetByTestId("issue-name").FillAsync("erp");
        await page.GetByTestId("issue-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("issue-problem")).ToHaveTextAsync("已有同名的集成客户端。");
        await page.GetByTestId("issue-scope-content:write").UncheckAsync();
        await page.GetByTestId("issue-name").FillAsync("crm");
        await page.GetByTestId("issue-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("issue-problem")).ToHaveTextAsync("请至少选择一项权限。");

        var card = page.Locator("[data-testid=client][data-name=erp]");
        await card.GetByTestId("revoke").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

        await Assertions.Expect(card).ToHaveAttributeAsync("data-revoked", "false");
        Assert.Equal(201, (await PostAsync(host.Http, key, News())).Status);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(1, await db.IntegrationClients.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action.StartsWith("integration.")));
    }
}
