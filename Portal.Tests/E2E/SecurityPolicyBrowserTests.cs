using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>The Content-Security-Policy as Chromium applies it: the portal's pages work under it, and a script slipped into a page does not run.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SecurityPolicyBrowserTests(BrowserFixture browser)
{
    private const string CollectViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task The_pages_run_under_the_policy_and_an_injected_inline_script_is_blocked()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await context.AddInitScriptAsync(CollectViolations);
        var page = await BrowserPages.OpenAsync(context, "/");
        var console = new PageConsole(page);

        foreach (var path in new[] { "/todos", "/me", "/signin" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__violations"));
        }

        await page.GotoAsync("/me");
        await PageConsole.WaitForInteractiveAsync(page);
        var ran = await page.EvaluateAsync<bool>("""
            () => new Promise(resolve => {
                const script = document.createElement('script');
                script.textContent = 'window.__injected = true';
                document.body.appendChild(script);
                setTimeout(() => resolve(window.__injected === true), 100);
            })
            """);

        Assert.False(ran);
        Assert.Contains(await page.EvaluateAsync<string[]>("() => window.__violations"), v => v.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain(console.Problems, p => !p.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
