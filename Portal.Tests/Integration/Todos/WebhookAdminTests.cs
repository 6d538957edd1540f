using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Integration.Admin;
using Portal.Domain.Audiences;
using Portal.Web.Features.Roles;
using static Portal.Tests.Integration.Todos.TodoTestKit;

namespace Portal.Tests.Integration.Todos;

/// <summary>An admin sets a client's webhook, generates its signing secret (stored encrypted) and disables or enables it; each is audited.</summary>
public sealed class WebhookAdminTests : PortalTest
{
    private static readonly Actor Admin = new(null, "admin-test");

    private IServiceScope Scope => scope ??= Portal.Services.CreateScope();

    private IServiceScope? scope;

    public override async Task DisposeAsync()
    {
        scope?.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_webhook_url_must_be_absolute_https_or_http_in_development_and_is_audited()
    {
        await IssueTodoKeyAsync(Portal.Services, "oa");
        var id = await ClientIdAsync("oa");
        var set = Scope.ServiceProvider.GetRequiredService<SetIntegrationWebhook>();

        Assert.Equal("WebhookUrlInvalidDevelopment", await set.ExecuteAsync(Admin, id, "/relative", CancellationToken.None));
        Assert.Equal("WebhookUrlInvalidDevelopment", await set.ExecuteAsync(Admin, id, "ftp://oa.example.com/hook", CancellationToken.None));
        Assert.Null(await set.ExecuteAsync(Admin, id, "http://127.0.0.1:9000/hook", CancellationToken.None));
        Assert.Null(await set.ExecuteAsync(Admin, id, " https://oa.example.com/hook ", CancellationToken.None));
        Assert.False(WebhookUrls.IsAllowed("http://oa.example.com/hook", development: false));
        Assert.True(WebhookUrls.IsAllowed("https://oa.example.com/hook", development: false));

        await using var db = await Db();
        Assert.Equal("https://oa.example.com/hook", (await db.IntegrationClients.SingleAsync(c => c.Id == id)).WebhookUrl);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "integration.client.webhook-changed"));
    }

    [Fact]
    public async Task A_generated_secret_is_returned_once_and_stored_only_encrypted()
    {
        await IssueTodoKeyAsync(Portal.Services, "oa");
        var id = await ClientIdAsync("oa");

        var secret = await Scope.ServiceProvider.GetRequiredService<GenerateWebhookSecret>().ExecuteAsync(Admin, id, CancellationToken.None);

        Assert.StartsWith(WebhookSecrets.Prefix, secret, StringComparison.Ordinal);
        await using var db = await Db();
        var stored = (await db.IntegrationClients.SingleAsync(c => c.Id == id)).ProtectedWebhookSecret!;
        Assert.DoesNotContain(secret!, stored, StringComparison.Ordinal);
        var protector = Portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Integration.WebhookSecret");
        Assert.Equal(secret, protector.Unprotect(stored));
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "integration.client.webhook-secret-generated");
        Assert.DoesNotContain(secret!, audit.After ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_refuses_the_key_and_enabling_restores_it()
    {
        await SeedPeopleAsync(Portal.Services);
        var key = await IssueTodoKeyAsync(Portal.Services, "oa");
        var id = await ClientIdAsync("oa");
        var toggle = Scope.ServiceProvider.GetRequiredService<SetIntegrationClientEnabled>();

        Assert.True(await toggle.ExecuteAsync(Admin, id, false, CancellationToken.None));
        Assert.False(await toggle.ExecuteAsync(Admin, id, false, CancellationToken.None));
        var refused = await PutAsync(Portal.Http, key, "E-1", Todo());
        Assert.True(await toggle.ExecuteAsync(Admin, id, true, CancellationToken.None));
        var accepted = await PutAsync(Portal.Http, key, "E-1", Todo());

        Assert.Equal((401, "disabled-client"), (refused.Status, refused.Code));
        Assert.Equal(201, accepted.Status);
        await using var db = await Db();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "integration.client.disabled" || e.Action == "integration.client.enabled"));
    }

    [Fact]
    public async Task The_admin_page_shows_the_webhook_settings_of_each_live_client()
    {
        await IssueTodoKeyAsync(Portal.Services, "oa");
        using var session = Browser();
        var userId = await TestSignIn.AsDemoPersonAsync(session);
        await TestRoles.GrantAsync(Portal.Services, userId, Role.Admin);

        var html = await session.GetStringAsync(new Uri("/admin/integrations", UriKind.Relative));

        Assert.Contains("data-testid=\"webhook-url\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"generate-secret\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"toggle-enabled\"", html, StringComparison.Ordinal);
    }

    private async Task<Guid> ClientIdAsync(string name)
    {
        await using var db = await Db();
        return await db.IntegrationClients.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private Task<PortalDb> Db() => Portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
}

/// <summary>In Development with the simulator, configuration gives demo-oa its webhook and secret.</summary>
public sealed class DemoClientWebhookTests
{
    [Fact]
    public async Task The_configured_webhook_and_secret_are_set_on_demo_oa()
    {
        await using var portal = await KestrelPortal.StartAsync(new Dictionary<string, string?>
        {
            ["Integration:DemoClient:Key"] = "ptl_demo_for_this_test_1234567890",
            ["Integration:DemoClient:WebhookUrl"] = "http://127.0.0.1:9000/decisions",
            ["Integration:DemoClient:WebhookSecret"] = "demo-webhook-secret",
        });

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var client = await db.IntegrationClients.SingleAsync(c => c.Name == DemoClientOptions.ClientName);
        Assert.Equal("http://127.0.0.1:9000/decisions", client.WebhookUrl);
        Assert.Equal("demo-webhook-secret", portal.Services.GetRequiredService<WebhookSecrets>().Unprotect(client.ProtectedWebhookSecret));
        Assert.True(client.Has(IntegrationClient.TodosWrite));
    }
}
