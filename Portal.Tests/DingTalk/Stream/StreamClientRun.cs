using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.DingTalk;
using Portal.DingTalk.Events;
using Portal.DingTalk.Stream;

namespace Portal.Tests.DingTalk.Stream;

/// <summary>A real <see cref="StreamClient"/>, built through its DI registration, running against a gateway host.</summary>
internal sealed class StreamClientRun : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly CancellationTokenSource stopping = new();

    private StreamClientRun(ServiceProvider services, RecordingOrgEventHandler handler, CapturedLogs logs)
    {
        this.services = services;
        Handler = handler;
        Logs = logs;
        Running = services.GetRequiredService<StreamClient>().RunAsync(stopping.Token);
    }

    public RecordingOrgEventHandler Handler { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The client's <c>RunAsync</c>.</summary>
    public Task Running { get; }

    public static StreamClientRun Start(
        StreamGatewayHost host,
        RecordingOrgEventHandler? handler = null,
        string clientSecret = StreamGatewayHost.ClientSecret,
        TimeProvider? time = null)
    {
        handler ??= new RecordingOrgEventHandler();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.Configure<DingTalkOptions>(options =>
        {
            options.AppKey = StreamGatewayHost.ClientId;
            options.AppSecret = clientSecret;
            options.ApiBaseUrl = host.ApiBaseUrl;
        });
        services.AddDingTalkStreamClient().Configure(options =>
        {
            options.InitialReconnectDelay = TimeSpan.FromMilliseconds(20);
            options.MaxReconnectDelay = TimeSpan.FromMilliseconds(200);
            options.ReconnectJitter = TimeSpan.FromMilliseconds(10);
        });
        services.AddSingleton<IOrgEventHandler>(handler);
        return new StreamClientRun(services.BuildServiceProvider(), handler, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await Running.WaitAsync(StreamTestTimeouts.Wait);
        }
        catch (Exception exception) when (exception is StreamAuthenticationException or InvalidOperationException)
        {
            // Expected by the configuration tests, which assert on it themselves.
        }

        await services.DisposeAsync();
        stopping.Dispose();
    }
}
