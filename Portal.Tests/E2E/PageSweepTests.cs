using System.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Playwright;
using Portal.Domain.Audiences;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Localization;
using Xunit.Abstractions;

namespace Portal.Tests.E2E;

/// <summary>
/// Every page, in the DingTalk phone profile (375×812), for each role that may open it and in both
/// languages: it becomes interactive, logs no error, fits the screen's width and has no control smaller
/// than a thumb. With PORTAL_SCREENSHOTS=&lt;folder&gt; each page's screen is also saved there as
/// &lt;role&gt;-&lt;culture&gt;-&lt;page&gt;.png, to compare the look before and after a change.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PageSweepTests(BrowserFixture browser, SweepPortal portal, ITestOutputHelper output) : IClassFixture<SweepPortal>
{
    public const string ScreenshotsVariable = "PORTAL_SCREENSHOTS";

    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in LocalizationSetup.SupportedCultures)
        {
            foreach (var role in Role.BuiltIn)
            {
                data.Add(role, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task Every_page_the_role_may_open_works_and_fits_a_phone(string role, string culture)
    {
        var started = Stopwatch.StartNew();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, portal.Host.BaseUrl);
        await context.AddCookiesAsync([new Cookie
        {
            Name = CookieRequestCultureProvider.DefaultCookieName,
            Value = Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture))),
            Url = portal.Host.BaseUrl,
        }]);
        await TestSignIn.AsAsync(context, portal.People[role]);
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        var screenshots = Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } folder ? Directory.CreateDirectory(folder).FullName : null;
        var refusals = new List<string>();
        var failures = new List<string>();
        var pages = SweepPages.All.Where(p => p.Roles.Contains(role)).ToList();

        foreach (var sweep in pages)
        {
            var seen = console.Problems.Count;
            var problems = await OpenAsync(page, sweep, role, culture, refusals);
            if (screenshots is not null)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"{role}-{culture}-{sweep.Name}.png"), Scale = ScreenshotScale.Css, Type = ScreenshotType.Png });
            }

            problems.AddRange(console.Problems.Skip(seen));
            if (await PhoneFit.OverflowAsync(page) is { } overflow)
            {
                problems.Add(overflow);
            }

            if (await PhoneFit.SmallTargetsAsync(page) is { Length: > 0 } small)
            {
                problems.Add($"tap targets under {PhoneFit.MinimumTarget}×{PhoneFit.MinimumTarget}px: {string.Join("; ", small)}");
            }

            if (sweep.Name == SweepPages.NotFound || sweep.Name == SweepPages.Forbidden)
            {
                refusals.Add(await TitleAsync(page));
            }

            failures.AddRange(problems.Select(p => $"{sweep.Name} ({sweep.AddressFor(portal, role)}) as {role} in {culture}: {p}"));
        }

        output.WriteLine($"{pages.Count} pages as {role} in {culture} in {started.Elapsed.TotalSeconds:F1}s");
        Assert.True(failures.Count == 0, $"{failures.Count} problems on {pages.Count} pages:\n" + string.Join("\n", failures));
    }

    /// <summary>Opens the page and waits until it is interactive and loaded; returns what went wrong on the way.</summary>
    private async Task<List<string>> OpenAsync(IPage page, SweepPage sweep, string role, string culture, List<string> refusals)
    {
        var problems = new List<string>();
        var response = await page.GotoAsync(sweep.AddressFor(portal, role));
        if (response is { Status: >= 400 } && sweep.Name is not (SweepPages.NotFound or "error"))
        {
            problems.Add($"answered {response.Status}");
        }

        if (!sweep.Static)
        {
            try
            {
                await PageConsole.WaitForInteractiveAsync(page);
            }
            catch (TimeoutException)
            {
                problems.Add("did not become interactive within 15s");
            }
        }

        if (!await PhoneFit.SettledAsync(page))
        {
            problems.Add("still loading after 10s");
        }

        if (await page.Locator("html").GetAttributeAsync("lang") != culture)
        {
            problems.Add($"is not in {culture}");
        }

        // A page refused to this role (or whose id does not exist) shows the not-found or forbidden text instead of itself.
        var shown = await TitleAsync(page) + "\n" + await page.Locator("body").InnerTextAsync();
        if (refusals.FirstOrDefault(r => r.Length > 0 && shown.Contains(r, StringComparison.Ordinal)) is { } refusal)
        {
            problems.Add($"shows \"{refusal}\" instead of the page");
        }

        return problems;
    }

    /// <summary>The page's own title, without the portal's name after it.</summary>
    private static async Task<string> TitleAsync(IPage page) => (await page.TitleAsync()).Split(" · ")[0].Trim();
}
