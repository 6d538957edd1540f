using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BridgeTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(BrowserProfile.DingTalkPhone, true)]
    [InlineData(BrowserProfile.Desktop, false)]
    public async Task The_bundled_bridge_loads_and_recognises_DingTalk(BrowserProfile profile, bool inDingTalk)
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(profile, host.BaseUrl);
        var page = await BrowserPages.OpenAsync(context, "/");
        var console = new PageConsole(page);

        var detected = await page.EvaluateAsync<bool>("async () => (await import('./js/portal-bridge.js')).environment().inDingTalk");

        Assert.Equal(inDingTalk, detected);
        Assert.Empty(console.Problems);
    }
}
