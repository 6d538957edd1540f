using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.DingTalk.Client.Ding;
using Portal.DingTalk.Client.Messages;
using Portal.DingTalk.Client.Todo;
using Portal.DingTalk.Simulator;
using Portal.Domain.Audiences;
using Portal.Tests.Content.Delivery;
using Portal.Tests.Infrastructure;
using Portal.Tests.Todos.Delivery;

namespace Portal.Tests.E2E;

/// <summary>The simulated phone shows what the portal sent through the real client, as DingTalk would.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SimulatedPhoneTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_notification_sent_through_the_client_appears_on_the_phone_and_is_read_once_opened()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, host.BaseUrl);
        var inboxes = host.Services.GetRequiredService<SimulatedInboxes>();
        var person = inboxes.People().First(p => p.Active);
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync($"/simulator/phone/{person.UserId}");
        await PageConsole.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByText("还没有工作通知")).ToBeVisibleAsync();

        var markdown = WorkMessage.ForMarkdown("周报提醒", "请在 **周五** 前提交[周报](https://portal.example/reports)<script>alert(1)</script>");
        await Send(host, new WorkNotification(markdown) { UserIds = [person.UserId] });

        var message = page.GetByTestId("message");
        await Assertions.Expect(message).ToHaveCountAsync(1);
        await Assertions.Expect(message.GetByTestId("unread-mark")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("tab-messages")).ToContainTextAsync("1");
        await Assertions.Expect(message.Locator("strong")).ToHaveTextAsync("周五");
        await Assertions.Expect(message.Locator("a.portal-link")).ToHaveAttributeAsync("href", "https://portal.example/reports");
        await Assertions.Expect(message.Locator("a.portal-link")).ToHaveAttributeAsync("title", "在门户中打开");
        await Assertions.Expect(message).ToContainTextAsync("<script>alert(1)</script>");

        await message.GetByTestId("open-message").ClickAsync();

        await Assertions.Expect(message).ToHaveAttributeAsync("data-read", "true");
        await Assertions.Expect(message.GetByTestId("unread-mark")).ToHaveCountAsync(0);
        Assert.True(inboxes.Messages(person.UserId)![0].Read);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"page is {scrollWidth}px wide on a 375px screen");
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task At_desktop_width_a_phone_frame_shows_the_picked_persons_messages_to_dos_and_DINGs_in_English()
    {
        await using var host = await KestrelPortal.StartAsync();
        await using var context = await browser.NewContextAsync(BrowserProfile.Desktop, host.BaseUrl);
        var person = host.Services.GetRequiredService<SimulatedInboxes>().People().Where(p => p.Active).Skip(5).First();
        await SendEveryKindAsync(host, person);
        var page = await BrowserPages.OpenAsync(context, "/simulator/phone");
        var console = new PageConsole(page);

        var frame = await page.Locator(".phone-frame").BoundingBoxAsync();
        Assert.NotNull(frame);
        Assert.Equal(390, frame.Width, 1.0);
        await page.GetByTestId("person-search").FillAsync(person.Name);
        await page.GetByTestId("person").Filter(new() { HasText = person.Name }).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{host.BaseUrl}/simulator/phone/{person.UserId}");
        await Assertions.Expect(page.GetByTestId("phone-person")).ToHaveTextAsync(person.Name);
        var portal = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("phone-open-as").ClickAsync());
        await Assertions.Expect(portal).ToHaveURLAsync(host.BaseUrl + "/");
        await portal.GotoAsync(host.BaseUrl + "/me");
        await Assertions.Expect(portal.GetByTestId("me-name")).ToHaveTextAsync(person.Name);
        await portal.CloseAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".wm-oa")).ToContainTextAsync("Amount");
        await Assertions.Expect(page.GetByTestId("oa-status")).ToHaveTextAsync("Pending");
        await Assertions.Expect(page.Locator(".wm-buttons a.portal-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".wm-link")).ToContainTextAsync("Quarterly results");

        await page.GetByTestId("tab-todos").ClickAsync();
        await Assertions.Expect(page.GetByTestId("todo")).ToContainTextAsync("Approve the budget");
        await page.GetByTestId("tab-dings").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ding")).ToContainTextAsync("Server is down");
        Assert.Empty(console.Problems);
    }

    [Fact]
    public async Task The_people_list_shows_who_edits_approves_and_administers_in_the_portal()
    {
        await using var host = await DeliveryPortal.StartAsync();
        var inboxes = host.Services.GetRequiredService<SimulatedInboxes>();
        // Past the leaders, among whom DingTalk's own admins are.
        var regulars = inboxes.People().Where(p => p.Active).Skip(100).ToList();
        var (editor, approver) = (regulars[0], regulars[1]);
        await TestRoles.GrantAsync(host.Services, editor.UserId, Role.Editor);
        await TestRoles.GrantAsync(host.Services, approver.UserId, Role.Approver);
        await TestRoles.GrantAsync(host.Services, approver.UserId, Role.Admin);
        var baseUrl = host.Http.BaseAddress!.ToString().TrimEnd('/');
        await using var phone = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, baseUrl);
        var page = await phone.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync("/simulator/phone");
        await PageConsole.WaitForInteractiveAsync(page);

        await page.GetByTestId("person-search").FillAsync(editor.Name);
        await Assertions.Expect(Listed(page, editor).GetByTestId("role-badge")).ToHaveTextAsync(["编辑"]);
        await page.GetByTestId("person-search").FillAsync(approver.Name);
        await Assertions.Expect(Listed(page, approver).GetByTestId("role-badge")).ToHaveTextAsync(["审批人", "管理员"]);
        await page.GetByTestId("person-search").FillAsync(regulars[2].Name);
        await Assertions.Expect(Listed(page, regulars[2])).ToBeVisibleAsync();
        await Assertions.Expect(Listed(page, regulars[2]).GetByTestId("role-badge")).ToHaveCountAsync(0);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"page is {scrollWidth}px wide on a 375px screen");
        Assert.Empty(console.Problems);

        await using var desktop = await browser.NewContextAsync(BrowserProfile.Desktop, baseUrl);
        var english = await desktop.NewPageAsync();
        await english.GotoAsync("/simulator/phone");
        await PageConsole.WaitForInteractiveAsync(english);
        await english.GetByTestId("person-search").FillAsync(approver.Name);
        await Assertions.Expect(Listed(english, approver).GetByTestId("role-badge")).ToHaveTextAsync(["Approver", "Admin"]);
    }

    [Fact]
    public async Task A_to_do_card_decided_from_its_own_button_shows_the_decision_instead_of_the_buttons()
    {
        await using var host = await DeliveryPortal.StartAsync(settings: TodoDeliveryKit.Settings);
        var baseUrl = host.Http.BaseAddress!.ToString().TrimEnd('/');
        await using var context = await browser.NewContextAsync(BrowserProfile.DingTalkPhone, baseUrl);
        var userId = await TestSignIn.AsDemoPersonAsync(context);
        await TodoDeliveryKit.SeedAsync(host, [userId]);
        await host.DrainAsync();
        var page = await context.NewPageAsync();
        var console = new PageConsole(page);
        await page.GotoAsync($"/simulator/phone/{userId}");
        await PageConsole.WaitForInteractiveAsync(page);
        var card = page.GetByTestId("message").Filter(new() { HasText = "差旅报销审批" });
        var buttons = card.Locator(".wm-buttons a.portal-link");
        await Assertions.Expect(buttons).ToHaveTextAsync(["同意", "拒绝", "查看详情"]);

        var act = await page.RunAndWaitForPopupAsync(() => buttons.Filter(new() { HasText = "同意" }).ClickAsync());
        await PageConsole.WaitForInteractiveAsync(act);
        await act.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(act.GetByTestId("todo-decided")).ToContainTextAsync("同意");
        await act.CloseAsync();
        await host.DrainAsync();

        await Assertions.Expect(card.GetByTestId("card-decided")).ToContainTextAsync("选择「同意」");
        await Assertions.Expect(buttons).ToHaveTextAsync(["查看详情"]);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"page is {scrollWidth}px wide on a 375px screen");
        Assert.Empty(console.Problems);
    }

    private static ILocator Listed(IPage page, SimulatedPerson person) =>
        page.Locator($"[data-testid=person][href='simulator/phone/{Uri.EscapeDataString(person.UserId)}']");

    private static Task<long> Send(KestrelPortal host, WorkNotification notification) =>
        host.Services.GetRequiredService<WorkNotificationClient>().SendAsync(notification, CancellationToken.None);

    private static async Task SendEveryKindAsync(KestrelPortal host, SimulatedPerson person)
    {
        var oa = new OaContent("http://127.0.0.1/approvals/1", new OaHead("FF1677FF", "Approvals"), new OaBody { Title = "Expense claim", Form = [new OaFormRow("Amount", "¥1,200.00")] })
        {
            StatusBar = new OaStatusBar("Pending", "FFFF9900"),
        };
        var card = new ActionCardContent("Lunch vote", "Noodles or rice?")
        {
            ButtonOrientation = "1",
            Buttons = [new ActionCardButton("Noodles", "http://127.0.0.1/votes/1"), new ActionCardButton("Rice", "http://127.0.0.1/votes/2")],
        };
        var link = new LinkContent("http://127.0.0.1/news/3", host.BaseUrl + "/favicon.svg", "Quarterly results", "Revenue grew again");
        foreach (var message in new[] { WorkMessage.ForOa(oa), WorkMessage.ForActionCard(card), WorkMessage.ForLink(link) })
        {
            await Send(host, new WorkNotification(message) { UserIds = [person.UserId] });
        }

        await host.Services.GetRequiredService<TodoClient>().CreateAsync(
            person.UnionId,
            new TodoCreateRequest("Approve the budget") { ExecutorIds = [person.UnionId], DetailUrl = new TodoDetailUrl("http://127.0.0.1/budget", null) },
            null,
            CancellationToken.None);
        await host.Services.GetRequiredService<DingClient>().SendAsync(
            new DingSendRequest(SimulatorDefaults.AppKey, DingRemindType.App, [person.UserId], "Server is down"), CancellationToken.None);
    }
}
