using Microsoft.JSInterop;
using Portal.Web.Infrastructure.Interop;

namespace Portal.Web.Infrastructure.Bridge;

/// <summary>What the bridge reports about the page's container.</summary>
public sealed record BridgeEnvironment(bool InDingTalk, string Platform, string Version);

/// <summary>
/// The one typed way from C# to DingTalk's JSAPI (wwwroot-assets/src/portal-bridge.js). The module is
/// imported on first use, so pages that never touch DingTalk never download it.
/// </summary>
public sealed class DingTalkBridge(IJSRuntime js) : IAsyncDisposable
{
    private readonly LazyJsModule module = new(js, "./js/portal-bridge.js");

    public async Task<BridgeEnvironment> GetEnvironmentAsync() =>
        await (await ModuleAsync()).InvokeAsync<BridgeEnvironment>("environment");

    /// <summary>A 免登 auth code (5 minutes, single use) for the signed-in DingTalk user.</summary>
    public async Task<string> RequestAuthCodeAsync(string corpId, string clientId) =>
        await (await ModuleAsync()).InvokeAsync<string>("requestAuthCode", corpId, clientId);

    public async Task SetTitleAsync(string title) =>
        await (await ModuleAsync()).InvokeVoidAsync("setTitle", title);

    /// <summary>Shows a native toast inside DingTalk; false outside it, where the page shows its own.</summary>
    public async Task<bool> ToastAsync(string text, bool success) =>
        await (await ModuleAsync()).InvokeAsync<bool>("toast", text, success);

    public async Task OpenLinkAsync(string url) =>
        await (await ModuleAsync()).InvokeVoidAsync("openLink", url);

    /// <summary>Opens DingTalk's DING composer (<c>biz.ding.create</c>, after dd.config) prefilled with the draft.</summary>
    public async Task<DingComposerResult> CreateDingAsync(DingDraft draft) =>
        await (await ModuleAsync()).InvokeAsync<DingComposerResult>("createDing", draft);

    public ValueTask DisposeAsync() => module.DisposeAsync();

    private Task<IJSObjectReference> ModuleAsync() => module.GetAsync();
}
