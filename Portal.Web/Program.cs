using Portal.DingTalk.Simulator;
using Portal.Web.Components;
using Portal.Web.Infrastructure.Bridge;
using Portal.Web.Infrastructure.Configuration;
using Portal.Web.Infrastructure.Data;
using Portal.Web.Infrastructure.DingTalk;
using Portal.Web.Infrastructure.Health;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.Logging;
using Portal.Web.Infrastructure.Security;
using Portal.Web.Infrastructure.Time;
using Radzen;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.Services.AddPortalOptions();
builder.Services.AddSingleton<PortalClock>();
builder.Services.AddScoped<DingTalkBridge>();
builder.Services.AddPortalData(builder.Configuration);
builder.Services.AddPortalDataProtection();
builder.Services.AddPortalDingTalk();
builder.Services.AddPortalDingTalkSimulator();
builder.Services.AddPortalLocalization();
builder.Services.AddPortalHealth();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddRadzenComponents();

var app = builder.Build();

await app.Services.MigratePortalDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UsePortalRequestLogging();
app.UsePortalLocalization();
app.UseAntiforgery();

app.MapHealthEndpoints();
app.MapLocalizationEndpoints();
app.MapDingTalkSimulator();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point; public so the test host can start the portal.</summary>
public partial class Program;
