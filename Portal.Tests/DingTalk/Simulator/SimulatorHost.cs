using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Portal.DingTalk.Simulator;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>
/// A portal in Simulator mode (a <see cref="KestrelPortal"/>) with helpers that call the simulator the
/// way a DingTalk client would.
/// </summary>
public sealed class SimulatorHost(KestrelPortal portal) : IAsyncDisposable
{
    public KestrelPortal Portal { get; } = portal;

    public IServiceProvider Services => Portal.Services;

    public HttpClient Http => Portal.Http;

    public FakeTimeProvider Time => Portal.Time;

    /// <param name="dataFolder">A simulator data folder the test keeps, to start another portal on the same organisation.</param>
    public static async Task<SimulatorHost> StartAsync(IDictionary<string, string?>? settings = null, string? dataFolder = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (dataFolder is not null)
        {
            all[PortalAppFactory.SimulatorDataFolderKey] = dataFolder;
        }

        return new SimulatorHost(await KestrelPortal.StartAsync(all));
    }

    public async Task<HttpResponseMessage> GetAsync(string path) => await Http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<JsonElement> GetJsonAsync(string path) => await ReadJsonAsync(await GetAsync(path));

    public async Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? acsToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (acsToken is not null)
        {
            request.Headers.Add("x-acs-dingtalk-access-token", acsToken);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> PostForJsonAsync(string path, object body, string? acsToken = null) =>
        await ReadJsonAsync(await PostJsonAsync(path, body, acsToken));

    public async Task<string> AppTokenAsync()
    {
        var reply = await GetJsonAsync($"_dingtalk/oapi/gettoken?appkey={SimulatorDefaults.AppKey}&appsecret={SimulatorDefaults.AppSecret}");
        Assert.Equal(0, reply.GetProperty("errcode").GetInt32());
        return reply.GetProperty("access_token").GetString()!;
    }

    /// <summary>A <c>topapi</c> call with the app's token in the query and the body as JSON.</summary>
    public async Task<JsonElement> TopAsync(string path, object body, string? token = null) =>
        await PostForJsonAsync($"_dingtalk/oapi/{path}?access_token={token ?? await AppTokenAsync()}", body);

    /// <summary>A <c>topapi</c> call expected to succeed; its <c>result</c>.</summary>
    public async Task<JsonElement> ResultAsync(string path, object body, string? token = null)
    {
        var reply = await TopAsync(path, body, token);
        Assert.True(reply.GetProperty("errcode").GetInt32() == 0, $"{path} answered {reply}");
        return reply.GetProperty("result");
    }

    public async Task<List<ControlPerson>> PeopleAsync() =>
        (await GetJsonAsync("_dingtalk/_control/users")).Deserialize<List<ControlPerson>>(JsonSerializerOptions.Web)!;

    public async Task<string> SsoCodeAsync(string userId) =>
        (await PostForJsonAsync("_dingtalk/_control/authcodes", new { userId })).GetProperty("code").GetString()!;

    public Task SetFaultsAsync(object faults) => Portal.SetFaultsAsync(faults);

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return document.RootElement.Clone();
        }
    }

    public ValueTask DisposeAsync() => Portal.DisposeAsync();
}

public sealed record ControlPerson(string UserId, string UnionId, string Name, string Mobile, long[] DeptIdList, string? Title, bool Active);
