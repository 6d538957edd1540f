using Bunit;
using Portal.Tests.Todos;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Todos;

namespace Portal.Tests.Components.Todos;

/// <summary>My to-dos and the home page's share of them: loading, empty, and what each row says.</summary>
public sealed class TodoListTests : OrganisationComponentTest
{
    [Fact]
    public void While_it_is_not_yet_known_who_is_looking_the_lists_say_they_are_loading_not_that_they_are_empty()
    {
        Auth.SetAuthorizing();

        var page = Render<TodosPage>();
        var home = Render<HomeTodos>();

        Assert.Equal("加载中…", page.Find("[data-testid=todos-pending] [role=status]").TextContent);
        Assert.Equal("加载中…", page.Find("[data-testid=todos-done] [role=status]").TextContent);
        Assert.Equal("加载中…", home.Find("[data-testid=loading]").TextContent);
        Assert.Empty(page.FindAll(".empty-state"));
        Assert.Empty(home.FindAll(".empty-state"));
    }

    [Fact]
    public void Someone_with_nothing_to_do_sees_empty_lists_that_say_what_will_appear_there()
    {
        SignIn(People.SalesPerson, ComponentOrganisation.NameOf("sales"));

        var page = Render<TodosPage>();
        var home = Render<HomeTodos>();

        page.WaitForAssertion(() => Assert.Equal("没有待处理的事项", page.Find("[data-testid=todos-pending] .empty-title").TextContent));
        Assert.Equal("新的审批和任务会出现在这里", page.Find("[data-testid=todos-pending] .empty-hint").TextContent);
        Assert.Equal("还没有处理过的事项", page.Find("[data-testid=todos-done] .empty-title").TextContent);
        Assert.Empty(page.FindAll("[data-testid=todo-row]"));
        home.WaitForAssertion(() => Assert.Equal("没有待处理的事项", home.Find(".empty-title").TextContent));
        Assert.Empty(home.FindAll("[data-testid=home-todos-more]"));
    }

    [Fact]
    public async Task Pending_to_dos_show_overdue_and_review_marks_done_ones_their_outcome_and_the_home_shows_the_first_three()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        Guid overdue, decided;
        await using (var db = await DbAsync())
        {
            var client = await TodoSeed.ClientAsync(db, now);
            overdue = await TodoSeed.TodoAsync(db, client, [People.Approver], now.AddDays(-2), "过期的报销审批", dueAt: now.AddHours(-1));
            await TodoSeed.TodoAsync(db, client, [People.Approver], now.AddDays(-1), "明天到期的采购审批", dueAt: now.AddDays(1));
            decided = await TodoSeed.TodoAsync(db, client, [People.Approver], now.AddDays(-3), "已处理的请假审批");
            await TodoSeed.TodoAsync(db, client, [People.Editor], now, "别人的待办");
        }

        await RunAsync<DecideTodo, DecideResult>(decide => decide.RunAsync(People.Approver, decided, "approve", null, default));
        var article = (await RunAsync<SaveDraft, SavedDraft>(save => save.RunAsync(null, People.Editor, Draft("年会节目单"), null, default))).Id;
        await RunAsync<SubmitArticle, bool>(async submit =>
        {
            await submit.RunAsync(article, People.Editor, default);
            return true;
        });
        SignIn(People.Approver, ComponentOrganisation.NameOf("approver"));

        var page = Render<TodosPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=pending-list] [data-testid=todo-row]").Count));
        var pending = page.FindAll("[data-testid=pending-list] [data-testid=todo-row]");
        var review = Assert.Single(pending, r => r.HasAttribute("data-review"));
        Assert.Equal(("审核：年会节目单", $"editor/{article:D}"), (review.QuerySelector(".todo-title")!.TextContent, review.GetAttribute("href")));
        var late = Assert.Single(pending, r => r.HasAttribute("data-overdue"));
        Assert.Equal(($"{overdue}", $"todos/{overdue:D}"), (late.GetAttribute("data-id"), late.GetAttribute("href")));
        Assert.Contains("已逾期", late.TextContent, StringComparison.Ordinal);
        var done = Assert.Single(page.FindAll("[data-testid=done-list] [data-testid=todo-row]"));
        Assert.Contains("已处理的请假审批", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("已处理", done.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("别人的待办", page.Markup, StringComparison.Ordinal);

        var home = Render<HomeTodos>();
        home.WaitForAssertion(() => Assert.Equal(3, home.FindAll("[data-testid=home-todo-list] [data-testid=todo-row]").Count));
        Assert.Equal("todos", home.Find("[data-testid=home-todos-more]").GetAttribute("href"));
    }

    private static DraftInput Draft(string title) =>
        new(Portal.Domain.Content.ContentKind.News, title, null, "<p>正文</p>", null, false, false, null, false, AudienceInput.ForEveryone());
}
