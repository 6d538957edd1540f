using Microsoft.JSInterop;

namespace Portal.Web.Infrastructure.Interop;

/// <summary>A JavaScript module imported on first use, so pages that never call it never download it.</summary>
public sealed class LazyJsModule(IJSRuntime js, string path) : IAsyncDisposable
{
    private Task<IJSObjectReference>? module;

    public Task<IJSObjectReference> GetAsync() => module ??= js.InvokeAsync<IJSObjectReference>("import", path).AsTask();

    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await (await module).DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
