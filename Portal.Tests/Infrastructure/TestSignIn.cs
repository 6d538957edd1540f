using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Signs in the way the DingTalk client does: the simulator issues a 免登 code for a demo person and the
/// portal exchanges it. Needs the portal on real HTTP (the client calls the simulator over it).
/// </summary>
public static class TestSignIn
{
    public static async Task<string> AsDemoPersonAsync(HttpClient client, int index = 0)
    {
        var userId = await DemoPersonAsync(client, index);
        var code = await client.PostAsJsonAsync(new Uri("_dingtalk/_control/authcodes", UriKind.Relative), new { userId });
        var codeBody = await code.Content.ReadFromJsonAsync<JsonElement>();
        var signedIn = await client.PostAsJsonAsync(new Uri("auth/dingtalk/code", UriKind.Relative), new { code = codeBody.GetProperty("code").GetString() });
        signedIn.EnsureSuccessStatusCode();
        return userId;
    }

    /// <summary>Signs a browser context in; its pages then share the session cookie.</summary>
    public static async Task<string> AsDemoPersonAsync(IBrowserContext context, int index = 0)
    {
        var users = await (await context.APIRequest.GetAsync("_dingtalk/_control/users?take=50")).JsonAsync();
        var userId = users!.Value.EnumerateArray().Where(u => u.GetProperty("active").GetBoolean()).ElementAt(index).GetProperty("userId").GetString()!;
        await AsAsync(context, userId);
        return userId;
    }

    /// <summary>Signs a browser context in as the person with this DingTalk userId.</summary>
    public static async Task AsAsync(IBrowserContext context, string userId)
    {
        var code = await (await context.APIRequest.PostAsync("_dingtalk/_control/authcodes", new() { DataObject = new { userId } })).JsonAsync();
        var signedIn = await context.APIRequest.PostAsync("auth/dingtalk/code", new() { DataObject = new { code = code!.Value.GetProperty("code").GetString() } });
        if (!signedIn.Ok)
        {
            throw new InvalidOperationException($"sign-in failed: {signedIn.Status} {await signedIn.TextAsync()}");
        }
    }

    public static async Task<string> DemoPersonAsync(HttpClient client, int index = 0)
    {
        var users = await client.GetFromJsonAsync<JsonElement>(new Uri("_dingtalk/_control/users?take=50", UriKind.Relative));
        return users.EnumerateArray().Where(u => u.GetProperty("active").GetBoolean()).ElementAt(index).GetProperty("userId").GetString()!;
    }
}
