using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Integration.Todos.TodoTestKit;

namespace Portal.Tests.Integration.Todos;

/// <summary>An admin sets a client's webhook, sees its new secret once and disables the client, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WebhookAdminBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_sets_the_webhook_generates_a_secret_and_disables_the_client()
    {
        await using var host = await KestrelPortal.StartAsync(new Dictionary<string, string?> { ["Integration:DemoClient:Key"] = "" });
        await IssueTodoKeyAsync(host.Services, "oa");
        await using var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var admin = await TestSignIn.AsDemoPersonAsync(context);
        await TestRoles.GrantAsync(host.Services, admin, Role.Admin);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/integrations");
        await PageConsole.WaitForInteractiveAsync(page);

        await page.GetByTestId("webhook-url").FillAsync("ftp://oa.example.com/hook");
        await page.GetByTestId("save-webhook").ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-problem")).ToBeVisibleAsync();
        await page.GetByTestId("webhook-url").FillAsync("https://oa.example.com/hook");
        await page.GetByTestId("save-webhook").ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-problem")).ToHaveCountAsync(0);
        await page.GetByTestId("generate-secret").ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-secret")).ToContainTextAsync("whsec_");
        await page.GetByTestId("toggle-enabled").ClickAsync();
        await Assertions.Expect(page.GetByTestId("client-disabled")).ToBeVisibleAsync();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var client = await db.IntegrationClients.SingleAsync(c => c.Name == "oa");
        Assert.Equal(("https://oa.example.com/hook", false, true), (client.WebhookUrl, client.Enabled, client.ProtectedWebhookSecret is not null));
    }
}
