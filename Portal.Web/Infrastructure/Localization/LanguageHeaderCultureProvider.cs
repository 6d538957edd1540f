using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Portal.Web.Infrastructure.Localization;

/// <summary>
/// Accept-Language by language rather than exact culture: DingTalk on iOS sends zh-Hans-CN, desktop
/// browsers en-GB or plain en; each maps to the one culture we ship for that language.
/// </summary>
internal sealed class LanguageHeaderCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var languages))
        {
            return NullProviderCultureResult;
        }

        foreach (var language in languages.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            var culture = tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? LocalizationSetup.Chinese
                : tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? LocalizationSetup.English
                : null;
            if (culture is not null)
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
            }
        }

        return NullProviderCultureResult;
    }
}
