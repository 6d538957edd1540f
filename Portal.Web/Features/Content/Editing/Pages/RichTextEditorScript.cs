using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Portal.Web.Infrastructure.Interop;

namespace Portal.Web.Features.Content.Editing.Pages;

/// <summary>
/// The one typed way from C# to the body editor's module (wwwroot-assets/src/rich-text-editor.js). The
/// module is imported when the first editor renders, so only editor pages download it.
/// </summary>
public sealed class RichTextEditorScript(IJSRuntime js) : IAsyncDisposable
{
    private readonly LazyJsModule module = new(js, "./js/rich-text-editor.js");

    /// <summary>Mounts an editor holding <paramref name="html"/> in <paramref name="host"/>; it calls the listener's <c>BodyChanged(string)</c> on every change.</summary>
    public async Task CreateAsync<TListener>(ElementReference host, ElementReference toolbar, string? html, string label, DotNetObjectReference<TListener> listener)
        where TListener : class =>
        await (await ModuleAsync()).InvokeVoidAsync("create", host, toolbar, html ?? "", label, listener);

    /// <summary>Replaces what the editor holds without reporting it back as a change.</summary>
    public async Task SetContentAsync(ElementReference host, string? html) =>
        await (await ModuleAsync()).InvokeVoidAsync("setContent", host, html ?? "");

    public async Task DestroyAsync(ElementReference host) =>
        await (await ModuleAsync()).InvokeVoidAsync("destroy", host);

    public ValueTask DisposeAsync() => module.DisposeAsync();

    private Task<IJSObjectReference> ModuleAsync() => module.GetAsync();
}
