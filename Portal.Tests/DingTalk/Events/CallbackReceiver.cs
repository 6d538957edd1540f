using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Portal.DingTalk.Crypto;
using Portal.DingTalk.Simulator;

namespace Portal.Tests.DingTalk.Events;

/// <summary>One callback as it arrived: the query, the encrypted body, and its plaintext.</summary>
internal sealed record ReceivedCallback(bool SignatureVerifies, string? Timestamp, string? Nonce, string? Source, string Message, string OwnerKey)
{
    public JsonElement Event => JsonDocument.Parse(Message).RootElement;
}

/// <summary>
/// A stand-in for an app's callback URL, on Kestrel at a free loopback port: it decrypts what the
/// simulator pushes with the simulator's default keys and answers as told.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<ReceivedCallback> received = Channel.CreateUnbounded<ReceivedCallback>();
    private readonly DingTalkCallbackCrypto crypto = new(SimulatorDefaults.CallbackToken, SimulatorDefaults.CallbackAesKey, SimulatorDefaults.CorpId);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CallbackReceiver(WebApplication app, int port)
    {
        this.app = app;
        Url = $"http://127.0.0.1:{port}/hook?source=receiver";
    }

    public enum Answer
    {
        /// <summary>The encrypted, signed <c>success</c> DingTalk requires.</summary>
        Success,

        /// <summary>HTTP 200 with plain text <c>success</c>: what a careless endpoint answers.</summary>
        PlainSuccess,

        /// <summary>Holds every request until <see cref="Release"/>, then answers <see cref="Success"/>.</summary>
        Hold,
    }

    public string Url { get; }

    public Answer Mode { get; set; } = Answer.Success;

    public static async Task<CallbackReceiver> StartAsync()
    {
        var port = Infrastructure.PortalAppFactory.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app, port);
        app.MapPost("/hook", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public async Task<ReceivedCallback> NextAsync() =>
        await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

    public void Release() => release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var encrypt = body.RootElement.GetProperty("encrypt").GetString()!;
        var opened = crypto.Open(encrypt);
        var verifies = crypto.Verify(query["signature"], query["timestamp"].ToString(), query["nonce"].ToString(), encrypt);
        received.Writer.TryWrite(new ReceivedCallback(verifies, query["timestamp"], query["nonce"], query["source"], opened.Message, opened.OwnerKey));

        switch (Mode)
        {
            case Answer.PlainSuccess:
                return Results.Text("success");
            case Answer.Hold:
                await release.Task;
                break;
        }

        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return Results.Json(crypto.CreateReply("success", timestamp, "replynonce"));
    }
}
