using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>The body's rich-text editor itself: its toolbar on a phone, what it makes, and mounting again after leaving.</summary>
public sealed partial class EditorBrowserTests
{
    [Fact]
    public async Task The_body_is_formatted_with_the_toolbar_on_a_phone_and_saved_as_it_was_made()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        await TestRoles.GrantAsync(host.Services, await TestSignIn.AsDemoPersonAsync(context, 0), Role.Editor);
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/editor/new/news");
        await PageConsole.WaitForInteractiveAsync(page);
        var toolbar = page.GetByTestId("body").GetByRole(AriaRole.Toolbar);
        var body = EditorPages.Body(page);
        await Assertions.Expect(body).ToBeVisibleAsync();

        var controls = await toolbar.Locator("button:visible, select").EvaluateAllAsync<double[][]>(
            "elements => elements.map(e => { const box = e.getBoundingClientRect(); return [box.width, box.height, box.right]; })");
        Assert.Equal(12, controls.Length);
        Assert.All(controls, box => Assert.True(box[0] >= 44 && box[1] >= 44 && box[2] <= 375, $"a control of {box[0]}×{box[1]} px ending at {box[2]} px"));

        // Keys that ProseMirror handles itself (Enter) act on the selection it has read, which trails the page's by a
        // moment: the steps type and press Enter at the cursor, and select only before a tap on the toolbar.
        await page.GetByTestId("title").FillAsync("园区开放日");
        await body.TapAsync();
        await Tool(toolbar, "加粗").TapAsync();
        await page.Keyboard.TypeAsync("欢迎家属参观");
        await Assertions.Expect(body.Locator("strong")).ToHaveTextAsync("欢迎家属参观");
        await Assertions.Expect(Tool(toolbar, "加粗")).ToHaveAttributeAsync("aria-pressed", "true");
        await Tool(toolbar, "加粗").TapAsync();
        await Assertions.Expect(Tool(toolbar, "加粗")).ToHaveAttributeAsync("aria-pressed", "false");

        await page.Keyboard.PressAsync("Enter");
        await Tool(toolbar, "项目符号列表").TapAsync();
        await page.Keyboard.TypeAsync("上午九点签到");
        await Assertions.Expect(body.Locator("ul > li")).ToHaveTextAsync("上午九点签到");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Tool(toolbar, "项目符号列表")).ToHaveAttributeAsync("aria-pressed", "false");
        await toolbar.Locator("select").SelectOptionAsync("heading2");
        await page.Keyboard.TypeAsync("日程");
        await Assertions.Expect(body.Locator("h2")).ToHaveTextAsync("日程");
        await Assertions.Expect(toolbar.Locator("select")).ToHaveValueAsync("heading2");

        await body.Locator("li p").EvaluateAsync("p => { const range = document.createRange(); range.selectNodeContents(p); getSelection().removeAllRanges(); getSelection().addRange(range); }");
        await Assertions.Expect(Tool(toolbar, "项目符号列表")).ToHaveAttributeAsync("aria-pressed", "true");
        await Tool(toolbar, "链接").TapAsync();
        var address = page.GetByTestId("link-address");
        await address.FillAsync("javascript:alert(1)");
        await page.GetByTestId("link-apply").TapAsync();
        await Assertions.Expect(address).ToHaveAttributeAsync("aria-invalid", "true");
        var formRight = await toolbar.Locator("[data-link-form] button:visible").Last.EvaluateAsync<double>("e => e.getBoundingClientRect().right");
        Assert.True(formRight <= 375, $"the link form ends at {formRight} px");
        await address.FillAsync("intranet.example.com/open-day");
        await page.GetByTestId("link-apply").TapAsync();
        await Assertions.Expect(address).ToBeHiddenAsync();
        await Assertions.Expect(body.Locator("a")).ToHaveAttributeAsync("href", "https://intranet.example.com/open-day");
        await Assertions.Expect(body.Locator("a")).ToHaveTextAsync("上午九点签到");

        var saved = await KestrelPortal.EventuallyAsync(() => BodyAsync(host), b => b?.Contains("<a href=", StringComparison.Ordinal) == true, "the formatted body saved");
        Assert.Contains("<strong>欢迎家属参观</strong>", saved, StringComparison.Ordinal);
        Assert.Contains("<h2>日程</h2>", saved, StringComparison.Ordinal);
        Assert.Contains("<ul><li><p><a href=\"https://intranet.example.com/open-day\">上午九点签到</a></p></li></ul>", saved, StringComparison.Ordinal);

        // Typed away from the last change, so undo takes back this and nothing before it.
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.TypeAsync("【通知】");
        await Assertions.Expect(body).ToContainTextAsync("【通知】");
        await Tool(toolbar, "撤销").TapAsync();
        await Assertions.Expect(body).Not.ToContainTextAsync("【通知】");
        await Assertions.Expect(body.Locator("h2")).ToHaveTextAsync("日程");
        await Assertions.Expect(Tool(toolbar, "重做")).ToBeEnabledAsync();
        await KestrelPortal.EventuallyAsync(() => BodyAsync(host), saved => saved?.Contains("日程", StringComparison.Ordinal) == true && !saved.Contains("【通知】", StringComparison.Ordinal), "the undone body saved");

        // Leaving within the circuit disposes the editor; coming back mounts a new one on what was saved.
        await page.Locator(".tab-bar a").First.TapAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/editor"));
        await page.GoBackAsync();
        await Assertions.Expect(body.Locator("strong")).ToHaveTextAsync("欢迎家属参观");
        await Assertions.Expect(body.Locator("h2")).ToHaveTextAsync("日程");
        await Assertions.Expect(body).Not.ToContainTextAsync("【通知】");
        Assert.Equal(1, await page.Locator(".rich-text-content").CountAsync());
        Assert.Empty(console.Problems);
    }

    private static async Task<string?> BodyAsync(KestrelPortal host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.Articles.AsNoTracking().Select(a => a.Body).SingleOrDefaultAsync();
    }

    private static ILocator Tool(ILocator toolbar, string name) => toolbar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
