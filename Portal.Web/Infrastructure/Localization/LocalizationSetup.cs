using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] SupportedCultures = [Chinese, English];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();

        // Chinese text goes out as characters, not as &#x...; entities three times its size.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Chinese).AddSupportedCultures(SupportedCultures).AddSupportedUICultures(SupportedCultures);
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new LanguageHeaderCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    public static IEndpointRouteBuilder MapLocalizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Remembers the chosen language for a year, then returns to the page the person was on.
        endpoints.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (!SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                return Problems.BadRequest("unsupported-culture", "Unsupported language", $"culture must be one of {string.Join(", ", SupportedCultures)}.", "culture");
            }

            if (!string.IsNullOrEmpty(returnUrl) && !ReturnUrls.IsLocal(returnUrl))
            {
                return ReturnUrls.Invalid();
            }

            var canonical = SupportedCultures.First(c => c.Equals(culture, StringComparison.OrdinalIgnoreCase));
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(canonical)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(ReturnUrls.OrHome(returnUrl));
        }).AllowAnonymous();
        return endpoints;
    }
}
