using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Content;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Editing.Pages;

namespace Portal.Tests.Components.Editing;

/// <summary>The editor's components on the small organisation, with what an editor does to them.</summary>
public abstract class EditorComponentTest : PortalComponentTest
{
    protected ComponentOrganisation People { get; private set; } = default!;

    /// <summary>Ids the editor reported as created, in order.</summary>
    protected List<Guid> Created { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await DbAsync();
        People = await ComponentOrganisation.SeedAsync(db);
    }

    protected IRenderedComponent<DraftEditor> RenderNew(ContentKind kind, Guid? author = null) =>
        Render<DraftEditor>(p => p
            .Add(e => e.NewKind, kind)
            .Add(e => e.PersonId, author ?? People.Editor)
            .Add(e => e.Created, id => Created.Add(id)));

    protected async Task<IRenderedComponent<DraftEditor>> RenderSavedAsync(Guid id)
    {
        await using var db = await DbAsync();
        var item = await EditorQueries.ItemAsync(db, id, CancellationToken.None);
        return Render<DraftEditor>(p => p.Add(e => e.Item, item).Add(e => e.PersonId, item!.AuthorId));
    }

    protected static string AutosaveState(IRenderedComponent<IComponent> cut) => cut.Find("[data-testid=autosave]").GetAttribute("data-state")!;

    protected static string AutosaveText(IRenderedComponent<IComponent> cut) => cut.Find("[data-testid=autosave]").TextContent;

    /// <summary>Every state the autosave line showed, one per render, from now on.</summary>
    protected static List<string> RecordAutosaveStates(IRenderedComponent<IComponent> cut)
    {
        var states = new List<string>();
        cut.OnMarkupUpdated += (_, _) =>
        {
            if (states.Count == 0 || states[^1] != AutosaveState(cut))
            {
                states.Add(AutosaveState(cut));
            }
        };
        return states;
    }

    protected static Task TypeAsync(IElement field, string text) => field.InputAsync(new ChangeEventArgs { Value = text });

    protected static Task ClickAsync(IElement element) => element.ClickAsync(new MouseEventArgs());

    protected static Task TypeTitleAsync(IRenderedComponent<IComponent> cut, string title) => TypeAsync(cut.Find("[data-testid=title]"), title);

    /// <summary>What the body editor's module reports after a change in the browser.</summary>
    protected static Task BodyChangedAsync(IRenderedComponent<IComponent> cut, string html)
    {
        var editor = cut.FindComponent<RichTextEditor>();
        return editor.InvokeAsync(() => editor.Instance.BodyChanged(html));
    }

    /// <summary>The pause after typing that starts an autosave, on the portal's clock.</summary>
    protected void PauseTyping() => Time.Advance(DraftEditor.AutosaveDelay);

    protected async Task<int> ArticleCountAsync()
    {
        await using var db = await DbAsync();
        return await db.Articles.CountAsync();
    }
}
