using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Todos;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;

namespace Portal.Tests.Todos;

/// <summary>The to-do pages as prerendered over HTTP: the assignee sees them, nobody else does, and a link only opens a confirmation.</summary>
public sealed class TodoPageTests : PortalTest
{
    [Fact]
    public async Task The_assignee_sees_the_list_badge_home_and_detail_and_another_person_gets_not_found()
    {
        using var assignee = Browser();
        var assigneeUser = await TestSignIn.AsDemoPersonAsync(assignee, 0);
        using var other = Browser();
        await TestSignIn.AsDemoPersonAsync(other, 1);
        var now = Portal.Time.GetUtcNow().UtcDateTime;
        var (todo, overdue) = await SeedAsync(assigneeUser, ("采购申请", now.AddDays(2)), ("逾期的报销", now.AddHours(-1)));

        var list = await HtmlAsync(assignee, "/todos");
        var home = await HtmlAsync(assignee, "/");
        var detail = await HtmlAsync(assignee, $"/todos/{todo}");
        var refused = await other.GetAsync(new Uri($"/todos/{todo}", UriKind.Relative));
        var refusedLink = await other.GetAsync(new Uri("/" + Portal.Get<TodoActionLinks>().Create(todo, "approve", Portal.Time.GetUtcNow().AddDays(1)), UriKind.Relative));
        var othersList = await HtmlAsync(other, "/todos");

        Assert.True(list.IndexOf(overdue.ToString(), StringComparison.Ordinal) < list.IndexOf(todo.ToString(), StringComparison.Ordinal), "pending is sorted by due");
        Assert.Contains("data-overdue=\"true\"", list, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"todo-pending-count\"[^>]*>2</span>", list);
        Assert.Contains("逾期的报销", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"home-todo-list\"", home, StringComparison.Ordinal);
        Assert.Contains("采购申请", detail, StringComparison.Ordinal);
        Assert.Contains("¥1,280.00", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"action-approve\"", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"action-reject\"", detail, StringComparison.Ordinal);
        Assert.Contains("href=\"https://oa.example.com/flow/1\"", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refusedLink.StatusCode);
        Assert.DoesNotContain("采购申请", othersList, StringComparison.Ordinal);
        Assert.DoesNotContain("todo-pending-count", othersList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_link_shows_what_will_be_decided_without_deciding_and_forged_or_expired_links_say_so()
    {
        using var assignee = Browser();
        var assigneeUser = await TestSignIn.AsDemoPersonAsync(assignee, 0);
        var (todo, _) = await SeedAsync(assigneeUser, ("差旅报销审批", null), ("另一项", null));
        var links = Portal.Get<TodoActionLinks>();
        var link = "/" + links.Create(todo, "reject", Portal.Time.GetUtcNow().AddHours(1));

        var shown = await HtmlAsync(assignee, link);
        var forged = await HtmlAsync(assignee, link.Replace("action=reject", "action=approve", StringComparison.Ordinal));
        var unsigned = await HtmlAsync(assignee, $"/todos/{todo}/act?action=approve");
        Portal.Time.Advance(TimeSpan.FromHours(1));
        var expired = await HtmlAsync(assignee, link);

        Assert.Contains("差旅报销审批", shown, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"will-decide\"", shown, StringComparison.Ordinal);
        Assert.Contains("拒绝", shown, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-approve\"", shown, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-invalid\"", forged, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm\"", forged, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-invalid\"", unsigned, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-expired\"", expired, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm\"", expired, StringComparison.Ordinal);
        await using var db = await Portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.All(await db.Todos.AsNoTracking().ToListAsync(), t => Assert.Equal(TodoStatus.Pending, t.Status));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Kind == TodoOutbox.DecisionKind));
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_and_back_to_the_link()
    {
        var link = "/" + Portal.Get<TodoActionLinks>().Create(Guid.NewGuid(), "approve", Portal.Time.GetUtcNow().AddHours(1));
        using var anonymous = Browser();

        var response = await anonymous.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(link), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    private async Task<(Guid First, Guid Second)> SeedAsync(string userId, (string Title, DateTime? Due) first, (string Title, DateTime? Due) second)
    {
        await using var db = await Portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var now = Portal.Time.GetUtcNow().UtcDateTime;
        var person = await TodoSeed.PersonIdAsync(db, userId);
        var client = await TodoSeed.ClientAsync(db, now);
        return (await TodoSeed.TodoAsync(db, client, [person], now, first.Title, first.Due),
            await TodoSeed.TodoAsync(db, client, [person], now, second.Title, second.Due));
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
