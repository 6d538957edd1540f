using Portal.DingTalk.Simulator;
using Portal.Web.Components;
using Portal.Web.Components.Theme;
using Portal.Web.Features.People.Events;
using Portal.Web.Features.People.Import;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Content;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Demo;
using Portal.Web.Features.DingTalkEvents;
using Portal.Web.Features.DingTalkJsapi;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Outbox;
using Portal.Web.Features.Roles;
using Portal.Web.Features.SignIn;
using Portal.Web.Features.Simulator;
using Portal.Web.Features.Todos;
using Portal.Web.Features.Todos.Delivery;
using Portal.Web.Infrastructure.Bridge;
using Portal.Web.Infrastructure.Configuration;
using Portal.Web.Infrastructure.Data;
using Portal.Web.Infrastructure.DingTalk;
using Portal.Web.Infrastructure.Health;
using Portal.Web.Infrastructure.Http;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.Logging;
using Portal.Web.Infrastructure.Security;
using Portal.Web.Infrastructure.Time;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.UsePortalKestrelLimits();
builder.Services.AddPortalOptions();
builder.Services.AddSingleton<PortalClock>();
builder.Services.AddSingleton<PublicAddress>();
builder.Services.AddScoped<DingTalkBridge>();
builder.Services.AddPortalData(builder.Configuration);
builder.Services.AddPortalDataProtection(builder.Configuration);
builder.Services.AddPortalForwardedHeaders();
builder.Services.AddPortalCookiePolicy();
builder.Services.AddPortalDingTalk();
builder.Services.AddPortalDingTalkSimulator();
builder.Services.AddPortalLocalization();
builder.Services.AddPortalHealth();
builder.Services.AddDingTalkEvents();
builder.Services.AddDingTalkJsapi(builder.Configuration);
builder.Services.AddOrgImport();
builder.Services.AddOrgEvents();
builder.Services.AddPortalSignIn();
builder.Services.AddPortalRoles();
builder.Services.AddPortalAdmin();
builder.Services.AddPortalOutbox();
builder.Services.AddPortalContent();
builder.Services.AddPortalIntegration();
builder.Services.AddPortalTodos();
builder.Services.AddTodoDelivery();
builder.Services.AddSimulatedPhone();
builder.Services.AddDemoData();
builder.Services.AddProblemDetails();
builder.Services.AddPortalRateLimits();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddPortalComponentLibrary();

var app = builder.Build();

await app.Services.MigratePortalDatabaseAsync();
await app.Services.SeedBuiltInRolesAsync();
await app.Services.SeedDemoIntegrationClientAsync();

app.UseForwardedHeaders();
app.UsePortalSecurityHeaders();
app.UsePortalRequestLogging();
app.UsePortalRequestLimits();
app.UsePortalErrorHandling();
app.UsePortalLocalization();
app.UseCookiePolicy();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapHealthEndpoints();
app.MapLocalizationEndpoints();
app.MapDingTalkEvents();
app.MapDingTalkJsapi();
app.MapSignInEndpoints();
app.MapContentEditing();
app.MapIntegrationEndpoints();
app.MapDingTalkSimulator();
app.MapStaticAssets();
// The portal's own Content-Security-Policy names frame-ancestors with the rest (SecurityHeaders).
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);

await app.RunAsync();

/// <summary>Entry point; public so the test host can start the portal.</summary>
public partial class Program;
