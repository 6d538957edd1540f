using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Todos.Delivery;

/// <summary>
/// Posts a decision to the owning client's webhook, signed with the client's secret. A 2xx answer is
/// delivered; anything else, or no answer, goes back to the relay's backoff. A redirect (not followed)
/// or a client error other than 408/429 is dead-lettered after a few attempts, since the receiver keeps
/// refusing the call itself; an admin replays it from the outbox page once the receiver is fixed. A
/// target that <see cref="WebhookTargets"/> refuses is dead-lettered at once, without a call.
/// </summary>
public sealed class DecisionWebhook(
    IDbContextFactory<PortalDb> dbFactory,
    IHttpClientFactory httpFactory,
    WebhookSecrets secrets,
    TimeProvider time,
    ILogger<DecisionWebhook> logger) : IOutboxHandler
{
    public const string HttpClientName = "Portal.TodoWebhook";

    /// <summary>Attempts a receiver may refuse with a client error before the call is dead-lettered.</summary>
    public const int ClientErrorAttempts = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => TodoOutbox.DecisionKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = TodoOutboxPayload.Read<TodoOutbox.TodoPayload>(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from t in db.Todos.AsNoTracking()
                           where t.Id == payload.TodoId
                           join client in db.IntegrationClients.AsNoTracking() on t.ClientId equals client.Id
                           select new { Todo = t, client.Name, client.WebhookUrl, client.ProtectedWebhookSecret }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || string.IsNullOrWhiteSpace(found.WebhookUrl))
        {
            // Gone, or a client that polls for decisions instead.
            return;
        }

        var todo = found.Todo;
        if (todo.Decision is null || todo.DecidedAt is null || todo.DecidedById is null)
        {
            throw new PermanentDeliveryException($"To-do {todo.Id} has no decision to post.");
        }

        var decider = await db.People.AsNoTracking().Where(p => p.Id == todo.DecidedById).Select(p => new { p.UserId, p.Name }).SingleOrDefaultAsync(cancellationToken);
        var body = JsonSerializer.Serialize(
            new DecisionBody(todo.ExternalId, todo.Id, todo.Decision, todo.DecisionComment, new DecidedBy(decider?.UserId, decider?.Name), DateTime.SpecifyKind(todo.DecidedAt.Value, DateTimeKind.Utc)),
            Json);
        var secret = Secret(found.Name, found.ProtectedWebhookSecret);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var url = Target(found.Name, found.WebhookUrl);

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, message.IdempotencyKey);
        using var response = await SendAsync(request, url, found.Name, cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            logger.DecisionPosted(todo.Id, found.Name, status);
            return;
        }

        var error = status is >= 300 and < 400
            ? $"Webhook of {found.Name} at {url.Authority} answered {status}, a redirect, which is not followed; set the final address."
            : $"Webhook of {found.Name} at {url.Authority} answered {status}.";
        if (status is >= 300 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            && message.Attempts + 1 >= ClientErrorAttempts)
        {
            throw new PermanentDeliveryException(error);
        }

        throw new HttpRequestException(error, null, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri url, string client, CancellationToken cancellationToken)
    {
        try
        {
            return await httpFactory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.InnerException is WebhookTargetRefusedException refused)
        {
            throw new PermanentDeliveryException($"Webhook of {client} at {url.Authority} not called: {refused.Message}");
        }
    }

    private string Secret(string client, string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
        {
            throw new PermanentDeliveryException($"Client {client} has a webhook but no signing secret.");
        }

        // Null when the key ring lost the key it was protected with: only a new secret helps.
        return secrets.Unprotect(protectedSecret)
            ?? throw new PermanentDeliveryException($"Client {client}'s webhook secret cannot be read; set it again.");
    }

    private static Uri Target(string client, string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new PermanentDeliveryException($"Client {client}'s webhook URL is not an http(s) address.");

    private sealed record DecisionBody(string ExternalId, Guid TodoId, string Decision, string? Comment, DecidedBy DecidedBy, DateTime DecidedAt);

    private sealed record DecidedBy(string? UserId, string? Name);
}
