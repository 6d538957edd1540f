using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.DingTalk.Simulator.Stream;

namespace Portal.Tests.DingTalk.Stream;

/// <summary>The simulated Stream gateway alone, on Kestrel at 127.0.0.1 with a free port.</summary>
internal sealed class StreamGatewayHost : IAsyncDisposable
{
    public const string Prefix = "/_dingtalk/api";
    public const string ClientId = "dingstreamapp0001";
    public const string ClientSecret = "stream-secret-0123456789abcdef";
    public const string CorpId = "dingcorp0123456789";

    private readonly WebApplication app;
    private readonly Channel<StreamConnectionInfo> opened = Channel.CreateUnbounded<StreamConnectionInfo>();
    private readonly RequestCounter openRequests;

    private StreamGatewayHost(WebApplication app, string origin, RequestCounter openRequests)
    {
        this.app = app;
        this.openRequests = openRequests;
        Origin = origin;
        Gateway = app.Services.GetRequiredService<StreamGateway>();
        Gateway.ConnectionOpened += (_, args) => opened.Writer.TryWrite(args.Connection);
    }

    /// <summary>Like <c>http://127.0.0.1:54321</c>.</summary>
    public string Origin { get; }

    /// <summary>What a client configures as <c>DingTalk:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => Origin + Prefix;

    public StreamGateway Gateway { get; }

    /// <summary>Requests that reached <c>connections/open</c>, accepted or not.</summary>
    public int OpenRequests => Volatile.Read(ref openRequests.Count);

    public static async Task<StreamGatewayHost> StartAsync(Action<StreamGatewayOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddStreamGateway().Configure(options =>
        {
            options.Credentials[ClientId] = ClientSecret;
            options.CorpId = CorpId;
            options.AckTimeout = TimeSpan.FromSeconds(5);
            options.RedeliveryDelay = TimeSpan.FromMilliseconds(50);
            options.CloseTimeout = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });

        var app = builder.Build();
        var openRequests = new RequestCounter();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value?.EndsWith(StreamGatewayEndpoints.OpenPath, StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref openRequests.Count);
            }

            await next(context);
        });
        app.UseWebSockets();
        app.MapStreamGateway(Prefix);
        await app.StartAsync();

        var origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StreamGatewayHost(app, origin.TrimEnd('/'), openRequests);
    }

    /// <summary>The next connection the gateway accepts.</summary>
    public async Task<StreamConnectionInfo> NextConnectionAsync() =>
        await opened.Reader.ReadAsync().AsTask().WaitAsync(StreamTestTimeouts.Wait);

    public async ValueTask DisposeAsync()
    {
        await Gateway.AbortAllAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class RequestCounter
    {
        public int Count;
    }
}
