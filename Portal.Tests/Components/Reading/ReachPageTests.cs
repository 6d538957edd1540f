using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Tests.Content.Reading;
using Portal.Domain.Audiences;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Features.Content.Reach;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Infrastructure.Localization;

namespace Portal.Tests.Components.Reading;

/// <summary>An item's reach page, read in English on a desktop: who read it, and reminding the others.</summary>
public sealed class ReachPageTests() : OrganisationComponentTest(LocalizationSetup.English)
{
    [Fact]
    public async Task Remind_unread_shows_its_plan_first_and_queues_one_reminder_for_the_unread_only()
    {
        var news = await PortalContent.PublishAsync(Services, ContentKind.News, "食堂菜单更新", People.Editor, [People.Researcher, People.SalesPerson]);
        await using (var db = await DbAsync())
        {
            var reader = await ViewerQuery.ForPersonAsync(db, People.Researcher, default);
            await RunAsync<RecordRead, Readability>(read => read.RunAsync(reader!, news, default));
        }

        SignIn(People.Editor, ComponentOrganisation.NameOf("editor"));
        var page = Render<ReachPage>(p => p.Add(r => r.Id, news));
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=count-read] dd").TextContent));
        Assert.Single(page.FindAll("[data-testid=reach-person]"));
        await page.Find("[data-testid=remind-plan]").ClickAsync(new MouseEventArgs());

        var plan = page.Find("[data-testid=remind-plan-text]");
        Assert.Equal(("1", "1"), (plan.GetAttribute("data-recipients"), plan.GetAttribute("data-calls")));
        await using (var before = await DbAsync())
        {
            Assert.False(await before.NotificationDispatches.AnyAsync());
        }

        await page.Find("[data-testid=remind-send]").ClickAsync(new MouseEventArgs());

        Assert.Equal("Reminded 1 people", page.Find("[data-testid=remind-outcome]").TextContent);
        await using var check = await DbAsync();
        Assert.Equal("sales", Assert.Single(check.NotificationCalls).UserIds);
        Assert.Single(check.OutboxMessages, m => m.Kind == NotificationQueue.SendKind);
    }
}
