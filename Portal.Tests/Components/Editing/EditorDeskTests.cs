using Bunit;
using Portal.Domain.Content;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Editing.Pages;

namespace Portal.Tests.Components.Editing;

/// <summary>The editor desk: what an editor wrote and what awaits an approver, loading and empty.</summary>
public sealed class EditorDeskTests : EditorComponentTest
{
    [Fact]
    public void While_it_is_not_yet_known_who_is_looking_the_desk_says_it_is_loading()
    {
        Auth.SetAuthorizing();

        var desk = Render<EditorHomePage>();

        Assert.Equal("加载中…", desk.Find("p.muted").TextContent);
        Assert.Empty(desk.FindAll("[data-testid=my-items], [data-testid=review-queue], [data-testid=new-news]"));
    }

    [Fact]
    public void An_editor_without_items_is_told_how_to_start_and_an_approver_without_reviews_that_none_wait()
    {
        SignIn(People.Editor, ComponentOrganisation.NameOf("editor"));
        var editor = Render<EditorHomePage>();
        editor.WaitForAssertion(() => Assert.Equal("还没有写过内容", editor.Find("[data-testid=my-items] .empty-title").TextContent));
        Assert.Equal("写一篇新闻或发一条通知，提交后由审核人审核发布。", editor.Find("[data-testid=my-items] .empty-hint").TextContent);
        Assert.Equal(["editor/new/news", "editor/new/notice"], editor.FindAll(".editor-new a").Select(a => a.GetAttribute("href")));
        Assert.Empty(editor.FindAll("[data-testid=review-queue]"));

        var device = NewDevice();
        device.SignIn(People.Approver, ComponentOrganisation.NameOf("approver"));
        var approver = device.Render<EditorHomePage>();
        approver.WaitForAssertion(() => Assert.Equal("没有待审核的内容", approver.Find("[data-testid=review-queue] .empty-title").TextContent));
        Assert.Empty(approver.FindAll("[data-testid=my-items], .editor-new"));
    }

    [Fact]
    public async Task The_editor_sees_their_own_items_and_the_approver_the_submitted_ones_with_their_author()
    {
        var draft = await SaveAsync("还在写的草稿");
        var submitted = await SaveAsync("待审核的通知");
        await RunAsync<SubmitArticle, bool>(async submit =>
        {
            await submit.RunAsync(submitted, People.Editor, default);
            return true;
        });

        SignIn(People.Editor, ComponentOrganisation.NameOf("editor"));
        var editor = Render<EditorHomePage>();
        editor.WaitForAssertion(() => Assert.Equal(2, editor.FindAll("[data-testid=my-items] [data-testid=article-row]").Count));
        Assert.Equal(
            [("Draft", $"editor/{draft:D}"), ("Submitted", $"editor/{submitted:D}")],
            editor.FindAll("[data-testid=my-items] [data-testid=article-row]").Select(r => (r.GetAttribute("data-status"), r.GetAttribute("href"))).Order());

        var device = NewDevice();
        device.SignIn(People.Approver, ComponentOrganisation.NameOf("approver"));
        var approver = device.Render<EditorHomePage>();
        approver.WaitForAssertion(() => Assert.NotEmpty(approver.FindAll("[data-testid=review-queue] [data-testid=article-row]")));
        var row = Assert.Single(approver.FindAll("[data-testid=review-queue] [data-testid=article-row]"));
        Assert.Contains("待审核的通知", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("王编辑", row.TextContent, StringComparison.Ordinal);
    }

    private async Task<Guid> SaveAsync(string title) =>
        (await RunAsync<SaveDraft, SavedDraft>(save => save.RunAsync(
            null, People.Editor, new DraftInput(ContentKind.Notice, title, null, "<p>正文</p>", null, false, false, null, false, AudienceInput.ForEveryone()), null, default))).Id;
}
