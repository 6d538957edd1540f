using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

public static class BrowserPages
{
    /// <summary>Signs the context in as a demo person, then opens the page and waits until it is interactive.</summary>
    public static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        await TestSignIn.AsDemoPersonAsync(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await PageConsole.WaitForInteractiveAsync(page);
        return page;
    }
}
