using Microsoft.Playwright;

namespace Portal.Tests.Infrastructure;

/// <summary>One headless Chromium (Debian's /usr/bin/chromium) shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // An Android DingTalk webview as DingTalk reports itself.
    public const string DingTalkAndroidUserAgent =
        "Mozilla/5.0 (Linux; U; Android 13; zh-CN; V2203A Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) " +
        "Version/4.0 Chrome/108.0.5359.128 Mobile Safari/537.36 AliApp(DingTalk/7.6.10) com.alibaba.android.rimet/36281358 " +
        "Channel/700159 language/zh-CN abi/64 UT4Aplus/0.2.25 colorScheme/light";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing. Run ./test.sh, which installs Debian's chromium.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
    }

    public Task<IBrowserContext> NewContextAsync(BrowserProfile profile, string baseUrl) =>
        Browser.NewContextAsync(profile == BrowserProfile.DingTalkPhone
            ? new BrowserNewContextOptions
            {
                BaseURL = baseUrl,
                ViewportSize = new ViewportSize { Width = 375, Height = 812 },
                DeviceScaleFactor = 3,
                IsMobile = true,
                HasTouch = true,
                UserAgent = DingTalkAndroidUserAgent,
                Locale = "zh-CN",
            }
            : new BrowserNewContextOptions
            {
                BaseURL = baseUrl,
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
                Locale = "en-US",
            });
}

public enum BrowserProfile
{
    DingTalkPhone,
    Desktop,
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
