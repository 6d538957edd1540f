using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content;
using Portal.Web.Features.Content.Editing.Pages;
using Portal.Web.Features.Content.Reach;
using Portal.Web.Features.Roles;
using Portal.Web.Features.SignIn;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Bridge;
using Portal.Web.Infrastructure.Configuration;
using Portal.Web.Infrastructure.Data;
using Portal.Web.Infrastructure.Http;
using Portal.Web.Infrastructure.Localization;
using Portal.Web.Infrastructure.Time;

namespace Portal.Tests.Components;

/// <summary>
/// Renders the portal's components without a browser, on the services the portal registers itself,
/// a migrated SQLite database of the test's own and a clock the test moves. JS interop is loose: calls
/// into the body editor's and the DingTalk bridge's modules answer with defaults, and a test plays the
/// editor's side by calling <see cref="RichTextEditor.BodyChanged"/> as the module does.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 30, 0, TimeSpan.Zero);

    private readonly TestDatabase database = TestDatabase.CreateEmptySqlite();
    private readonly IDictionary<string, string?> settings;
    private readonly List<Device> devices = [];

    /// <param name="culture">The language people read the page in.</param>
    /// <param name="settings">Configuration keys beyond the database, as an operator sets them.</param>
    protected PortalComponentTest(string culture = LocalizationSetup.Chinese, IDictionary<string, string?>? settings = null)
    {
        // Set here, the culture flows into the test method and every render and timer callback it starts.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        this.settings = settings ?? new Dictionary<string, string?>();

        // A render on a loaded machine can take longer than bunit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        Auth = Configure(this);
    }

    /// <summary>The portal's clock: timers (the editor's autosave) fire only when the test advances it.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Who is signed in on this "device"; nobody until <see cref="SignIn"/>.</summary>
    protected BunitAuthorizationContext Auth { get; }

    public virtual async Task InitializeAsync()
    {
        await using (var db = await DbFactory().CreateDbContextAsync())
        {
            await DataSetup.MigrateAsync(db);
        }

        await Services.SeedBuiltInRolesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Components first: disposing the editor saves what was typed, into a database that must still be there.
        foreach (var device in devices)
        {
            await device.DisposeAsync();
        }

        await DisposeAsync();
        await database.DisposeAsync();
    }

    protected IDbContextFactory<PortalDb> DbFactory() => Services.GetRequiredService<IDbContextFactory<PortalDb>>();

    protected async Task<PortalDb> DbAsync() => await DbFactory().CreateDbContextAsync();

    /// <summary>Runs a use case in a scope of its own, as another request or circuit would.</summary>
    protected async Task<T> RunAsync<TUseCase, T>(Func<TUseCase, Task<T>> action)
        where TUseCase : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    protected void SignIn(Guid personId, string name) => SignIn(Auth, personId, name);

    /// <summary>A second phone or tab of the same portal: its own circuit (scoped services), the same database and clock.</summary>
    protected Device NewDevice()
    {
        var device = new Device(this);
        devices.Add(device);
        return device;
    }

    private static void SignIn(BunitAuthorizationContext auth, Guid personId, string name)
    {
        auth.SetAuthorized(name);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, personId.ToString()), new Claim(ClaimTypes.Name, name));
    }

    private BunitAuthorizationContext Configure(BunitContext context)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Portal:PublicUrl"] = "https://portal.example.com",
            ["Database:Provider"] = database.Provider.ToString(),
            [$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = database.ConnectionString,
        }).Build();

        var services = context.Services;
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddPortalOptions();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<PortalClock>();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<IServer, NoServer>();
        services.AddPortalData(configuration);
        services.AddPortalLocalization();
        services.AddPortalRoles();
        services.AddPortalContent();
        services.AddPortalTodos();
        services.AddScoped<CurrentViewer>();
        services.AddScoped<DingTalkBridge>();

        context.JSInterop.Mode = JSRuntimeMode.Loose;

        // These ask through the dialog and chart library, which is being replaced; the browser tests cover them.
        context.ComponentFactories.AddStub<DeleteDraftButton>();
        context.ComponentFactories.AddStub<ItemActions>();
        context.ComponentFactories.AddStub<PublishPanel>();
        context.ComponentFactories.AddStub<ReviewPanel>();
        context.ComponentFactories.AddStub<ReachChart>();
        return context.AddAuthorization();
    }

    /// <summary>Another bunit context on the test's database and clock.</summary>
    protected sealed class Device : BunitContext
    {
        private readonly BunitAuthorizationContext auth;

        public Device(PortalComponentTest test) => auth = test.Configure(this);

        public void SignIn(Guid personId, string name) => PortalComponentTest.SignIn(auth, personId, name);
    }

    /// <summary>Components render without a server: links out of the portal are made from Portal:PublicUrl.</summary>
    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => throw new NotSupportedException("Component tests start no server.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
