using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk;
using Portal.DingTalk.Client;

namespace Portal.Tests.DingTalk.Client;

/// <summary>The client as the portal registers it, over <see cref="FakeDingTalk"/> on the named HttpClient.</summary>
public sealed class ClientHarness : IDisposable
{
    public const string AppSecret = "app-secret-never-shown";
    public const string OapiBaseUrl = "https://oapi.test";
    public const string ApiBaseUrl = "https://api.test";

    private readonly ServiceProvider services;

    /// <param name="configure">Pacing and retries start off so each test turns on only what it examines.</param>
    public ClientHarness(TimeProvider time, Action<DingTalkClientOptions>? configure = null, Action<DingTalkOptions>? configureApp = null)
    {
        DingTalk = new FakeDingTalk(time);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(time);
        collection.Configure<DingTalkOptions>(app =>
        {
            app.Mode = DingTalkMode.Live;
            app.AppKey = "dingappkey";
            app.AppSecret = AppSecret;
            app.CorpId = "dingcorp0123456789";
            app.AgentId = "1000";
            app.OapiBaseUrl = OapiBaseUrl;
            app.ApiBaseUrl = ApiBaseUrl;
            configureApp?.Invoke(app);
        });
        collection.Configure<DingTalkClientOptions>(client =>
        {
            client.DefaultQps = 0;
            client.RetryAttempts = 0;
            configure?.Invoke(client);
        });
        collection.AddDingTalkClient().ConfigurePrimaryHttpMessageHandler(() => DingTalk);
        services = collection.BuildServiceProvider();
    }

    public FakeDingTalk DingTalk { get; }

    public DingTalkClient Client => services.GetRequiredService<DingTalkClient>();

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public void Dispose() => services.Dispose();
}
