using Microsoft.Playwright;
using Portal.Tests.Content;
using Portal.Tests.Infrastructure;
using Portal.Web.Infrastructure.Html;

namespace Portal.Tests.E2E;

/// <summary>What the sanitizer lets through is parsed again by a real browser: nothing may run there either.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class XssBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_sanitized_corpus_runs_nothing_in_Chromium()
    {
        await using var context = await browser.NewContextAsync(BrowserProfile.Desktop, "http://127.0.0.1:9");
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        var sanitized = string.Join("\n<hr>\n", XssCorpus.Payloads.Select(HtmlSanitizer.Sanitize));

        await page.SetContentAsync($"<!DOCTYPE html><html><body><main id=\"content\">{sanitized}</main></body></html>");
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.Equal(0, dialogs);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined && window.parent.__xss === undefined"));
        Assert.Equal(0, await page.Locator("script, iframe, object, embed, form, svg, math, style, link, meta, base").CountAsync());
        var dangerousAttributes = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('#content *')].filter(e =>
                [...e.attributes].some(a => a.name.startsWith('on') ||
                    (['href', 'src'].includes(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)))).length
            """);
        Assert.Equal(0, dangerousAttributes);
    }
}
