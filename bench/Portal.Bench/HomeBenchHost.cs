using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;
using Portal.Web.Features.Roles;
using Portal.Web.Features.SignIn;

namespace Portal.Bench;

/// <summary>
/// The portal as deployed (not Development: no developer pages, JSON logs at Warning) on Kestrel at a
/// loopback port, plus one bench-only page, <c>/_bench/bare</c>, that lives only in this host.
/// </summary>
// Any type of the portal's assembly names its entry point; this project's own Program would shadow the portal's.
internal sealed class HomeBenchHost : WebApplicationFactory<Portal.Web.Infrastructure.Time.PortalClock>
{
    /// <summary>The baseline: a page of the portal (its document and shell) whose content is one trivial query.</summary>
    public const string BarePath = "/_bench/bare";

    /// <summary>For context only: the same without the shell (app bar, tab bar and its unread count).</summary>
    public const string BareDocumentPath = "/_bench/bare-document";

    private readonly Dictionary<string, string?> settings;

    public HomeBenchHost(string sqlitePath, int port)
    {
        Port = port;
        settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={sqlitePath}",
            ["DingTalk:Mode"] = "Simulator",
            ["DingTalk:Simulator:DataFolder"] = Path.GetDirectoryName(sqlitePath),
            ["Import:WhenDirectoryEmpty"] = "false",
            ["SignIn:RevalidateSeconds"] = "60",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
        };
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>A session cookie for a person, minted as the sign-in would (the synthetic people have no DingTalk account to sign in with).</summary>
    public async Task<Cookie> SessionCookieAsync(Guid personId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId);
        var now = DateTimeOffset.UtcNow;
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new(ClaimTypes.Name, person.Name),
            new(PortalClaims.DingTalkUserId, person.UserId),
            new(PortalClaims.DingTalkUnionId, person.UnionId ?? ""),
            new(PortalClaims.CheckedAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ];
        var cookieOptions = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(PortalClaims.Scheme);
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, PortalClaims.Scheme)),
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddDays(1), IsPersistent = true },
            PortalClaims.Scheme);
        return new Cookie(cookieOptions.Cookie.Name!, cookieOptions.TicketDataFormat.Protect(ticket), "/", "127.0.0.1");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Staging");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, BarePageFilter>());
    }

    /// <summary>
    /// Appends the bare page after the portal's own pipeline, so it passes the same logging, error
    /// handling, localization and cookie authentication, and answers only what no portal endpoint did.
    /// </summary>
    private sealed class BarePageFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(ServeBareAsync);
        };

        private static async Task ServeBareAsync(HttpContext context)
        {
            if (context.Request.Path != BarePath && context.Request.Path != BareDocumentPath)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.User, Policies.Employee)).Succeeded)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            var parameters = new Dictionary<string, object?> { [nameof(BareDocument.InShell)] = context.Request.Path == BarePath };
            await new RazorComponentResult<BareDocument>(parameters).ExecuteAsync(context);
        }
    }
}

/// <summary>
/// The baseline: the portal's own document (same head, scripts and interactive server render mode,
/// prerendered) around a body that runs one trivial query, in the portal's layout or without it.
/// </summary>
internal sealed class BareDocument : ComponentBase
{
    [Parameter]
    public bool InShell { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<!DOCTYPE html>");
        builder.OpenElement(1, "html");
        builder.AddAttribute(2, "lang", "zh-CN");
        builder.OpenElement(3, "head");
        builder.AddMarkupContent(4, "<meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\" /><base href=\"/\" />"
            + "<link rel=\"stylesheet\" href=\"_content/MudBlazor/MudBlazor.min.css\" />");
        builder.AddMarkupContent(5, $"<link rel=\"stylesheet\" href=\"{Assets["css/app.css"]}\" /><link rel=\"stylesheet\" href=\"{Assets["Portal.Web.styles.css"]}\" />");
        builder.OpenComponent<ImportMap>(6);
        builder.CloseComponent();
        builder.OpenComponent<HeadOutlet>(7);
        builder.AddComponentRenderMode(RenderMode.InteractiveServer);
        builder.CloseComponent();
        builder.CloseElement();
        builder.OpenElement(8, "body");
        builder.OpenComponent<BareBody>(9);
        builder.AddComponentParameter(10, nameof(BareBody.InShell), InShell);
        builder.AddComponentRenderMode(RenderMode.InteractiveServer);
        builder.CloseComponent();
        builder.AddMarkupContent(11, "<script src=\"_content/MudBlazor/MudBlazor.min.js\"></script>");
        builder.AddMarkupContent(12, $"<script src=\"{Assets["_framework/blazor.web.js"]}\" autostart=\"false\"></script><script src=\"{Assets["js/portal-start.js"]}\"></script>");
        builder.CloseElement();
        builder.CloseElement();
    }
}

/// <summary>The bare page's content: one trivial query, in the portal's layout when asked.</summary>
internal sealed class BareBody : ComponentBase
{
    private int roles;

    [Parameter]
    public bool InShell { get; set; }

    [Inject]
    private IDbContextFactory<PortalDb> DbFactory { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        roles = await db.Roles.CountAsync();
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!InShell)
        {
            Content(builder);
            return;
        }

        builder.OpenComponent<LayoutView>(0);
        builder.AddComponentParameter(1, nameof(LayoutView.Layout), typeof(Portal.Web.Components.Layout.MainLayout));
        builder.AddComponentParameter(2, nameof(LayoutView.ChildContent), (RenderFragment)Content);
        builder.CloseComponent();
    }

    private void Content(RenderTreeBuilder builder)
    {
        builder.OpenComponent<PageTitle>(0);
        builder.AddComponentParameter(1, nameof(PageTitle.ChildContent), (RenderFragment)(title => title.AddContent(0, "bare")));
        builder.CloseComponent();
        builder.OpenElement(2, "p");
        builder.AddContent(3, roles);
        builder.CloseElement();
    }
}
