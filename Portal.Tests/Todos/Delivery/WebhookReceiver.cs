using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Todos.Delivery;

/// <summary>
/// An OA system's webhook, written from the published description only: it takes <c>X-Portal-Timestamp</c>
/// and <c>X-Portal-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c>, checks them with
/// the shared secret, and answers each call with the next of its planned statuses (then 200).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> planned;

    private WebhookReceiver(WebApplication app, ConcurrentQueue<int> planned, string url)
    {
        this.app = app;
        this.planned = planned;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public IEnumerable<Call> Accepted => Calls.Where(c => c.Status is >= 200 and < 300);

    public static Task<WebhookReceiver> StartAsync(string secret, params int[] statuses) => StartAsync(secret, redirectTo: null, statuses);

    /// <param name="redirectTo">Where a planned 3xx answer points (its Location).</param>
    public static async Task<WebhookReceiver> StartAsync(string secret, string? redirectTo, params int[] statuses)
    {
        var port = PortalAppFactory.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, new ConcurrentQueue<int>(statuses), $"http://127.0.0.1:{port}/oa/decisions");
        app.MapPost("/oa/decisions", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var timestamp = context.Request.Headers["X-Portal-Timestamp"].ToString();
            var signature = context.Request.Headers["X-Portal-Signature"].ToString();
            var verified = Verify(secret, timestamp, body, signature);
            var status = !verified ? 401 : receiver.planned.TryDequeue(out var next) ? next : 200;
            receiver.Calls.Enqueue(new Call(body, timestamp, signature, verified, status, context.Request.Headers["X-Portal-Delivery"].ToString()));
            if (status is >= 300 and < 400 && redirectTo is not null)
            {
                context.Response.Headers.Location = redirectTo;
            }

            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The receiver's own check: recompute the HMAC over the raw body and compare in constant time.</summary>
    public static bool Verify(string secret, string timestamp, string body, string signature)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _) || !signature.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + body));
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    public sealed record Call(string Body, string Timestamp, string Signature, bool Verified, int Status, string Delivery);
}
