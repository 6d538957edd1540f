using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.E2E;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FirstLoadTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const long Budget = 250 * 1024;

    [Fact]
    public async Task The_first_load_of_the_signed_in_home_stays_within_250_KB_on_the_wire_without_web_fonts_or_the_editor()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestSignIn.AsDemoPersonAsync(context);
        var page = await context.NewPageAsync();
        var session = await context.NewCDPSessionAsync(page);
        long bytes = 0;
        var requests = new List<string>();
        var urls = new Dictionary<string, string>();
        session.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                lock (urls)
                {
                    urls[json.GetProperty("requestId").GetString()!] = json.GetProperty("request").GetProperty("url").GetString()!;
                }
            }
        };
        session.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                var length = (long)json.GetProperty("encodedDataLength").GetDouble();
                lock (urls)
                {
                    bytes += length;
                    requests.Add($"{length,8} {urls.GetValueOrDefault(json.GetProperty("requestId").GetString()!)}");
                }
            }
        };
        await session.SendAsync("Network.enable");

        await page.GotoAsync("/");
        await PageConsole.WaitForInteractiveAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        lock (urls)
        {
            output.WriteLine($"first load: {bytes:N0} bytes in {requests.Count} requests");
            requests.ForEach(output.WriteLine);
        }

        Assert.InRange(bytes, 1, Budget);
        Assert.DoesNotContain(requests, r => r.Contains(".woff", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.Contains("rich-text-editor", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Contains("_content/MudBlazor/MudBlazor.min.css", StringComparison.Ordinal));
    }
}
