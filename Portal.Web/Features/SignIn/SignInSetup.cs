using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.SignIn;

public static class SignInSetup
{
    private const string CodeRatePolicy = "signin-code";

    public static IServiceCollection AddPortalSignIn(this IServiceCollection services)
    {
        services.AddScoped<CurrentViewer>();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName)
            .Validate(o => o.RevalidateSeconds is > 0 and <= 60, "SignIn:RevalidateSeconds must be between 1 and 60.")
            .Validate(o => o.SessionDays > 0, "SignIn:SessionDays must be positive.")
            .Validate(o => o.BridgeTimeoutSeconds is > 0 and <= 60, "SignIn:BridgeTimeoutSeconds must be between 1 and 60.")
            .Validate(o => o.CodeRequestsPerMinute > 0 && o.FailedCodesPerMinute > 0, "SignIn:CodeRequestsPerMinute and SignIn:FailedCodesPerMinute must be positive.")
            .ValidateOnStart();
        services.AddAuthentication(PortalClaims.Scheme).AddCookie(PortalClaims.Scheme);
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, ConfigureSessionCookie>();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();
        services.AddScoped<SignInPerson>();
        services.AddSingleton<FailedCodes>();
        services.AddRateLimiter(limiter => limiter.AddPerMinute(
            CodeRatePolicy, RateLimits.ClientAddress, provider => provider.GetRequiredService<IOptionsMonitor<SignInOptions>>().CurrentValue.CodeRequestsPerMinute));
        return services;
    }

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/auth/dingtalk/code", DingTalkCodeEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(CodeRatePolicy);
        endpoints.MapGet("/auth/dingtalk/login", OAuthEndpoints.Start).AllowAnonymous();
        endpoints.MapGet(OAuthEndpoints.CallbackPath, OAuthEndpoints.CallbackAsync).AllowAnonymous();
        endpoints.MapPost("/auth/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(PortalClaims.Scheme);
            return Results.LocalRedirect(SignInPaths.SignIn);
        }).RequireAuthorization();
        endpoints.MapGet("/api/me", MeEndpoint.HandleAsync).RequireAuthorization();

        var environment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var mode = endpoints.ServiceProvider.GetRequiredService<IOptionsMonitor<DingTalkOptions>>().CurrentValue.Mode;
        if (environment.IsDevelopment() && mode == DingTalkMode.Simulator)
        {
            endpoints.MapPost("/auth/dev", DevSignInEndpoint.HandleAsync).AllowAnonymous();
        }

        return endpoints;
    }

    private sealed class ConfigureSessionCookie(IOptionsMonitor<SignInOptions> signIn) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name != PortalClaims.Scheme)
            {
                return;
            }

            options.Cookie.Name = ".portal.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromDays(signIn.CurrentValue.SessionDays);
            options.SlidingExpiration = true;
            options.LoginPath = SignInPaths.SignIn;
            options.AccessDeniedPath = "/forbidden";
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized, "not-signed-in", "Sign in first");
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden, "forbidden", "Not allowed");
        }

        // Machine endpoints answer 401/403 problems; pages go to the sign-in page.
        private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status, string code, string title)
        {
            if (ErrorHandling.IsMachineEndpoint(context.Request.Path))
            {
                return Problems.Create(status, code, title).ExecuteAsync(context.HttpContext);
            }

            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
    }
}
