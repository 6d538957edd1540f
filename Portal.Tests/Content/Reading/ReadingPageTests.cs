using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content.Reading;

/// <summary>The home, item and reach pages as prerendered for signed-in people: who sees what.</summary>
public sealed class ReadingPageTests : PortalTest
{
    [Fact]
    public async Task The_item_page_shows_the_item_to_its_audience_records_the_read_and_to_everyone_else_does_not_exist()
    {
        using var reader = Browser();
        var readerId = await PortalContent.PersonIdAsync(Portal.Services, await TestSignIn.AsDemoPersonAsync(reader, 0));
        using var outsider = Browser();
        await TestSignIn.AsDemoPersonAsync(outsider, 1);
        var item = await PortalContent.PublishAsync(Portal.Services, ContentKind.News, "团建通知", Guid.NewGuid(), [readerId], body: "<p>周六<strong>去爬山</strong></p>");

        var shown = await reader.GetAsync(new Uri($"/content/{item}", UriKind.Relative));
        var html = await shown.Content.ReadAsStringAsync();
        var refused = await outsider.GetAsync(new Uri($"/content/{item}", UriKind.Relative));
        var unknown = await reader.GetAsync(new Uri($"/content/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("<p>周六<strong>去爬山</strong></p>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("团建通知", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("页面不存在", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("页面不存在", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await Portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var receipt = Assert.Single(await db.ArticleReceipts.AsNoTracking().ToListAsync());
        Assert.Equal((item, readerId), (receipt.ArticleId, receipt.PersonId));
        Assert.NotNull(receipt.ReadAt);
    }

    [Fact]
    public async Task The_reach_page_is_for_the_author_and_admins_not_for_a_plain_employee_in_the_audience()
    {
        using var author = Browser();
        var authorId = await PortalContent.PersonIdAsync(Portal.Services, await TestSignIn.AsDemoPersonAsync(author, 0));
        using var employee = Browser();
        var employeeId = await PortalContent.PersonIdAsync(Portal.Services, await TestSignIn.AsDemoPersonAsync(employee, 1));
        using var admin = Browser();
        var adminUser = await TestSignIn.AsDemoPersonAsync(admin, 2);
        await TestRoles.GrantAsync(Portal.Services, adminUser, Role.Admin);
        var notice = await PortalContent.PublishAsync(Portal.Services, ContentKind.Notice, "安全制度", authorId, [authorId, employeeId], acknowledge: true);

        var forAuthor = await author.GetAsync(new Uri($"/content/{notice}/reach", UriKind.Relative));
        var forEmployee = await employee.GetAsync(new Uri($"/content/{notice}/reach", UriKind.Relative));
        var forAdmin = await admin.GetAsync(new Uri($"/content/{notice}/reach", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, forAuthor.StatusCode);
        var html = await forAuthor.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"count-acknowledged\"", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"count-audience\"[^>]*><dt[^>]*>[^<]+</dt><dd[^>]*>2</dd>", html);
        Assert.Equal(HttpStatusCode.NotFound, forEmployee.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forAdmin.StatusCode);
        Assert.Contains("reach-link", await author.GetStringAsync(new Uri($"/content/{notice}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("reach-link", await employee.GetStringAsync(new Uri($"/content/{notice}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_lists_notices_before_news_with_unread_badges_and_counts_unread_in_the_tab_bar()
    {
        using var reader = Browser();
        var readerId = await PortalContent.PersonIdAsync(Portal.Services, await TestSignIn.AsDemoPersonAsync(reader, 0));
        var news = await PortalContent.PublishAsync(Portal.Services, ContentKind.News, "季度新闻", Guid.NewGuid(), []);
        Portal.Time.Advance(TimeSpan.FromMinutes(1));
        var notice = await PortalContent.PublishAsync(Portal.Services, ContentKind.Notice, "放假通知", Guid.NewGuid(), [readerId]);

        var before = await reader.GetStringAsync(new Uri("/", UriKind.Relative));
        await reader.GetStringAsync(new Uri($"/content/{news}", UriKind.Relative));
        var after = await reader.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.True(before.IndexOf("放假通知", StringComparison.Ordinal) < before.IndexOf("季度新闻", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"notice-list\"", before, StringComparison.Ordinal);
        Assert.Matches($"data-id=\"{notice}\" data-unread=\"true\"", before);
        Assert.Matches($"data-id=\"{news}\" data-unread=\"true\"", before);
        Assert.Matches("data-testid=\"home-unread-count\"[^>]*>2<", before);
        Assert.Matches($"data-id=\"{news}\" data-unread=\"false\"", after);
        Assert.Matches("data-testid=\"home-unread-count\"[^>]*>1<", after);
    }
}
