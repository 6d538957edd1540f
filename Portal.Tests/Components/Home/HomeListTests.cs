using Bunit;
using Portal.Domain.Content;
using Portal.Tests.Content.Reading;
using Portal.Web.Features.Home;

namespace Portal.Tests.Components.Home;

/// <summary>The home page's notices and news: loading, empty, and the items a person may read.</summary>
public sealed class HomeListTests : OrganisationComponentTest
{
    [Fact]
    public void While_it_is_not_yet_known_who_is_looking_notices_news_and_to_dos_say_they_are_loading()
    {
        Auth.SetAuthorizing();

        var home = Render<HomePage>();

        Assert.Equal(["正在加载…", "加载中…", "正在加载…"], home.FindAll("[data-testid=loading]").Select(l => l.TextContent));
        Assert.Empty(home.FindAll(".empty-state"));
    }

    [Fact]
    public void With_nothing_published_each_section_says_it_is_empty()
    {
        SignIn(People.SalesPerson, ComponentOrganisation.NameOf("sales"));

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.Equal(3, home.FindAll(".empty-state").Count));
        Assert.Equal("暂时没有通知", home.Find("[data-testid=home-notices] .empty-title").TextContent);
        Assert.Equal("没有待处理的事项", home.Find("[data-testid=home-todos] .empty-title").TextContent);
        Assert.Equal("暂时没有新闻", home.Find("[data-testid=home-feed] .empty-title").TextContent);
        Assert.Empty(home.FindAll("[data-testid=feed-item]"));
        Assert.Equal("更新于 09:30:00", home.Find("[data-testid=home-updated]").TextContent);
    }

    [Fact]
    public async Task A_notice_to_confirm_is_listed_first_news_below_and_items_for_others_not_at_all()
    {
        await PortalContent.PublishAsync(Services, ContentKind.News, "第三季度全员大会回顾", People.Editor, []);
        Time.Advance(TimeSpan.FromMinutes(5));
        var notice = await PortalContent.PublishAsync(Services, ContentKind.Notice, "信息安全制度更新", People.Editor, [People.SalesPerson], acknowledge: true);
        await PortalContent.PublishAsync(Services, ContentKind.News, "研发中心内部通讯", People.Editor, [People.Researcher]);
        SignIn(People.SalesPerson, ComponentOrganisation.NameOf("sales"));

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.NotEmpty(home.FindAll("[data-testid=notice-list] [data-testid=feed-item]")));
        var attention = Assert.Single(home.FindAll("[data-testid=notice-list] [data-testid=feed-item]"));
        Assert.Equal(($"{notice}", "true"), (attention.GetAttribute("data-id"), attention.GetAttribute("data-unread")));
        Assert.NotNull(attention.QuerySelector("[data-testid=unread-badge]"));
        Assert.Equal($"content/{notice:D}", attention.QuerySelector("a")!.GetAttribute("href"));
        var news = home.FindAll("[data-testid=news-list] [data-testid=feed-item] .feed-title-text").Select(t => t.TextContent).ToList();
        Assert.Contains("第三季度全员大会回顾", news);
        Assert.DoesNotContain("研发中心内部通讯", home.Markup, StringComparison.Ordinal);
        Assert.Equal("没有更多了", home.Find("[data-testid=feed-end]").TextContent);
    }
}
