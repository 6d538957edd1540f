using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Web.Features.Content.Editing.Pages;

namespace Portal.Tests.Components.Editing;

/// <summary>A new item is stored only once it has words; the notice's own fields are saved with it.</summary>
public sealed class NewItemTests : EditorComponentTest
{
    [Fact]
    public async Task Opening_the_editor_and_leaving_it_untouched_leaves_no_draft_and_the_first_words_save_what_was_chosen()
    {
        var cut = RenderNew(ContentKind.News);
        // A tap into the body leaves the rich-text editor's empty paragraph behind.
        await BodyChangedAsync(cut, "<p></p>");
        await cut.Find("[data-testid=notify]").ChangeAsync(new ChangeEventArgs { Value = false });
        await ClickAsync(cut.Find("[data-testid=audience-chosen]"));
        Assert.Contains("selected", cut.Find("[data-testid=audience-chosen]").ClassList);
        Assert.Equal("new", AutosaveState(cut));
        PauseTyping();
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("new", AutosaveState(cut));

        await ClickAsync(cut.Find("[data-testid=submit]"));
        Assert.Equal("请填写标题", cut.Find("[data-testid=editor-problem]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=submit-confirm]"));

        // Leaving the page disposes the editor, which saves only what is worth keeping.
        await DisposeComponentsAsync();
        Assert.Equal(0, await ArticleCountAsync());
        SignIn(People.Editor, ComponentOrganisation.NameOf("editor"));
        var desk = Render<EditorHomePage>();
        desk.WaitForAssertion(() => Assert.Contains("还没有写过内容", desk.Find("[data-testid=my-items]").TextContent, StringComparison.Ordinal));
        await DisposeComponentsAsync();

        cut = RenderNew(ContentKind.News);
        await ClickAsync(cut.Find("[data-testid=audience-chosen]"));
        await TypeTitleAsync(cut, "第一句话");
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(cut)));
        await using var db = await DbAsync();
        var article = await db.Articles.AsNoTracking().SingleAsync();
        Assert.Equal("第一句话", article.Title);
        Assert.False((await db.Audiences.AsNoTracking().SingleAsync(a => a.Id == article.AudienceId)).Everyone);
    }

    [Fact]
    public async Task A_notice_offers_acknowledgement_pinning_and_an_expiry_on_the_organisations_clock_and_saves_them()
    {
        var news = RenderNew(ContentKind.News);
        Assert.Empty(news.FindAll("[data-testid=notice-options]"));
        await DisposeComponentsAsync();

        var cut = RenderNew(ContentKind.Notice);
        Assert.Equal("通知设置", cut.Find("[data-testid=notice-options] legend").TextContent);
        await TypeTitleAsync(cut, "体检安排");
        await cut.Find("[data-testid=requires-ack]").ChangeAsync(new ChangeEventArgs { Value = true });
        await cut.Find("[data-testid=pinned]").ChangeAsync(new ChangeEventArgs { Value = true });
        await cut.Find("[data-testid=expires-at]").ChangeAsync(new ChangeEventArgs { Value = "2026-11-20T18:00" });
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(cut)));

        await using (var db = await DbAsync())
        {
            var article = await db.Articles.AsNoTracking().SingleAsync();
            // 18:00 in Shanghai is 10:00 UTC.
            Assert.Equal((true, true, new DateTime(2026, 11, 20, 10, 0, 0)), (article.RequiresAcknowledgement, article.Pinned, article.ExpiresAt));
        }

        var reopened = await RenderSavedAsync(Created.Single());
        Assert.True(reopened.Find("[data-testid=requires-ack]").HasAttribute("checked"));
        Assert.True(reopened.Find("[data-testid=pinned]").HasAttribute("checked"));
        Assert.Equal("2026-11-20T18:00", reopened.Find("[data-testid=expires-at]").GetAttribute("value"));

        await reopened.Find("[data-testid=pinned]").ChangeAsync(new ChangeEventArgs { Value = false });
        await reopened.Find("[data-testid=expires-at]").ChangeAsync(new ChangeEventArgs { Value = "" });
        PauseTyping();
        reopened.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(reopened)));
        await using var check = await DbAsync();
        var saved = await check.Articles.AsNoTracking().SingleAsync();
        Assert.Equal((true, false, (DateTime?)null), (saved.RequiresAcknowledgement, saved.Pinned, saved.ExpiresAt));
    }
}
