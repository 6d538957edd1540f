using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Editing.Pages;

namespace Portal.Tests.Components.Editing;

/// <summary>The draft editor's autosave: new, dirty, saving, saved or failed, on the portal's clock.</summary>
public sealed class DraftEditorTests : EditorComponentTest
{
    [Fact]
    public async Task Typing_makes_a_new_item_unsaved_and_it_is_saved_once_typing_has_paused_for_the_autosave_delay()
    {
        var cut = RenderNew(ContentKind.News);
        Assert.Equal(("new", "写下标题或正文后自动保存"), (AutosaveState(cut), AutosaveText(cut)));

        var states = RecordAutosaveStates(cut);
        await TypeTitleAsync(cut, "新园区");
        Assert.Equal(("dirty", "有未保存的修改"), (AutosaveState(cut), AutosaveText(cut)));
        Time.Advance(DraftEditor.AutosaveDelay - TimeSpan.FromMilliseconds(500));
        await TypeTitleAsync(cut, "新园区正式启用");

        // Each keystroke starts the wait again: the first one's delay has passed, the last one's has not.
        Time.Advance(DraftEditor.AutosaveDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal("dirty", AutosaveState(cut));
        Assert.Equal(0, await ArticleCountAsync());

        Time.Advance(TimeSpan.FromMilliseconds(1));
        cut.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(cut)));
        Assert.Equal(["dirty", "saving", "saved"], states);
        // A few seconds past 01:30 UTC is 09:30 in Shanghai, the organisation's time zone.
        Assert.Equal("已于 09:30 保存", AutosaveText(cut));
        await using var db = await DbAsync();
        var article = await db.Articles.AsNoTracking().SingleAsync();
        Assert.Equal((ContentStatus.Draft, "新园区正式启用", People.Editor), (article.Status, article.Title, article.AuthorId));
        Assert.Equal([article.Id], Created);
    }

    [Fact]
    public async Task A_change_to_a_saved_item_is_saved_again_after_the_delay_and_a_pause_without_changes_saves_nothing()
    {
        var cut = RenderNew(ContentKind.News);
        await TypeTitleAsync(cut, "食堂菜单");
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(cut)));
        DateTime firstVersion;
        await using (var db = await DbAsync())
        {
            firstVersion = (await db.Articles.AsNoTracking().SingleAsync()).UpdatedAt;
        }

        Time.Advance(TimeSpan.FromMinutes(5));
        await BodyChangedAsync(cut, "<p>本周新增<strong>川菜</strong>窗口。</p>");
        Assert.Equal("dirty", AutosaveState(cut));
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(cut)));
        Assert.Equal("已于 09:35 保存", AutosaveText(cut));

        Time.Advance(TimeSpan.FromMinutes(5));
        await using var check = await DbAsync();
        var article = await check.Articles.AsNoTracking().SingleAsync();
        Assert.Equal("<p>本周新增<strong>川菜</strong>窗口。</p>", article.Body);
        Assert.True(article.UpdatedAt > firstVersion);
        Assert.Equal(article.UpdatedAt, firstVersion.AddMinutes(5).AddSeconds(2));
        Assert.Single(Created);
    }

    [Fact]
    public async Task A_save_refused_because_the_item_changed_elsewhere_says_so_keeps_what_was_typed_and_offers_no_submit()
    {
        var id = (await RunAsync<SaveDraft, SavedDraft>(save => save.RunAsync(null, People.Editor, Draft("端午节放假"), null, default))).Id;
        var cut = await RenderSavedAsync(id);
        Assert.Equal("saved", AutosaveState(cut));
        Time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync<SaveDraft, SavedDraft>(save => save.RunAsync(id, People.Editor, Draft("端午节放假安排（另一个标签页）"), null, default));

        await TypeTitleAsync(cut, "端午节放假安排");
        PauseTyping();

        cut.WaitForAssertion(() => Assert.Equal("failed", AutosaveState(cut)));
        Assert.Equal("保存失败", AutosaveText(cut));
        Assert.Equal("内容已在别处修改，请刷新后再编辑", cut.Find("[data-testid=editor-problem]").TextContent);
        Assert.Equal("端午节放假安排", cut.Find("[data-testid=title]").GetAttribute("value"));
        await ClickAsync(cut.Find("[data-testid=submit]"));
        Assert.Empty(cut.FindAll("[data-testid=submit-confirm]"));
        await using var db = await DbAsync();
        Assert.Equal("端午节放假安排（另一个标签页）", (await db.Articles.AsNoTracking().SingleAsync()).Title);
    }

    [Fact]
    public async Task A_save_the_database_fails_is_shown_as_not_saved_and_the_next_pause_saves_it()
    {
        var cut = RenderNew(ContentKind.Notice);
        await TypeTitleAsync(cut, "消防演练");
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(cut)));
        await using (var db = await DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_edits BEFORE UPDATE ON Articles BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
        }

        await TypeTitleAsync(cut, "周五消防演练");
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("failed", AutosaveState(cut)));
        Assert.Equal("修改没有保存到服务器，请稍后重试", cut.Find("[data-testid=editor-problem]").TextContent);

        await using (var db = await DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_edits");
        }

        await TypeTitleAsync(cut, "周五下午消防演练");
        PauseTyping();
        cut.WaitForAssertion(() => Assert.Equal("saved", AutosaveState(cut)));
        Assert.Empty(cut.FindAll("[data-testid=editor-problem]"));
        await using var check = await DbAsync();
        Assert.Equal("周五下午消防演练", (await check.Articles.AsNoTracking().SingleAsync()).Title);
    }

    [Fact]
    public async Task A_title_longer_than_the_limit_is_refused_with_its_message_and_the_field_itself_stops_at_the_limit()
    {
        var cut = RenderNew(ContentKind.News);
        Assert.Equal($"{SaveDraft.MaxTitleLength}", cut.Find("[data-testid=title]").GetAttribute("maxlength"));

        // A browser stops typing at maxlength; a pasted or scripted value reaches the server all the same.
        await TypeTitleAsync(cut, new string('长', SaveDraft.MaxTitleLength + 1));
        PauseTyping();

        cut.WaitForAssertion(() => Assert.Equal("failed", AutosaveState(cut)));
        Assert.Equal("标题太长", cut.Find("[data-testid=editor-problem]").TextContent);
        Assert.Equal(0, await ArticleCountAsync());
    }

    [Fact]
    public async Task Leaving_the_editor_saves_what_was_typed_since_the_last_autosave()
    {
        var cut = RenderNew(ContentKind.News);
        await TypeTitleAsync(cut, "离开前写完的标题");
        Assert.Equal("dirty", AutosaveState(cut));

        await DisposeComponentsAsync();

        await using var db = await DbAsync();
        Assert.Equal("离开前写完的标题", (await db.Articles.AsNoTracking().SingleAsync()).Title);
    }

    private static DraftInput Draft(string title) =>
        new(ContentKind.News, title, null, "<p>正文</p>", null, false, false, null, false, AudienceInput.ForEveryone());
}
