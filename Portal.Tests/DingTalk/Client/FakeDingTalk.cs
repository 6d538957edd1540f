using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Tests.DingTalk.Client;

/// <summary>
/// The wire below the client for unit-level tests (tokens, retries, pacing, request shape): it
/// records each request and answers from per-path routes. Behaviour against a full DingTalk is the
/// simulator's contract tests' job.
/// </summary>
public sealed class FakeDingTalk(TimeProvider time) : HttpMessageHandler
{
    public const string V1TokenPath = "/v1.0/oauth2/accessToken";

    private readonly ConcurrentDictionary<string, Func<RecordedRequest, FakeReply>> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly SemaphoreSlim arrived = new(0);
    private int tokensIssued;

    /// <summary>Hold token replies until this task completes (to pile callers up on one fetch).</summary>
    public Task TokenGate { get; set; } = Task.CompletedTask;

    public IReadOnlyList<RecordedRequest> Requests => requests.ToList();

    public void On(string path, Func<RecordedRequest, FakeReply> reply) => routes[path] = reply;

    public void On(string path, FakeReply reply) => routes[path] = _ => reply;

    public int Count(string path) => requests.Count(r => r.Path == path);

    public IReadOnlyList<RecordedRequest> To(string path) => requests.Where(r => r.Path == path).ToList();

    /// <summary>Waits (in real time, bounded) until <paramref name="count"/> requests reached <paramref name="path"/>.</summary>
    public async Task WaitForCountAsync(string path, int count)
    {
        while (Count(path) < count)
        {
            Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(10)), $"expected {count} requests to {path}, saw {Count(path)}");
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body, time.GetUtcNow());
        requests.Enqueue(recorded);
        arrived.Release();

        FakeReply reply;
        if (routes.TryGetValue(recorded.Path, out var route))
        {
            reply = route(recorded);
        }
        else if (recorded.Path is V1TokenPath or "/gettoken")
        {
            await TokenGate.WaitAsync(cancellationToken);
            reply = IssueToken(recorded.Path);
        }
        else
        {
            reply = FakeReply.Json(404, """{"code":"notRouted","message":"no route in the test"}""");
        }

        if (reply.Throw is { } exception)
        {
            throw exception;
        }

        var response = new HttpResponseMessage((HttpStatusCode)reply.Status)
        {
            Content = new StringContent(reply.Body, Encoding.UTF8, reply.ContentType),
            RequestMessage = request,
        };
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private FakeReply IssueToken(string path)
    {
        var token = "app-token-" + Interlocked.Increment(ref tokensIssued);
        return path == V1TokenPath
            ? FakeReply.Json(200, $$"""{"accessToken":"{{token}}","expireIn":7200}""")
            : FakeReply.Json(200, $$"""{"errcode":0,"errmsg":"ok","access_token":"{{token}}","expires_in":7200}""");
    }
}

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, DateTimeOffset At)
{
    /// <summary>The path below the host, with a simulator-style base path (<c>/_dingtalk/oapi</c>) removed.</summary>
    public string Path
    {
        get
        {
            var path = Uri.AbsolutePath;
            foreach (var prefix in (string[])["/_dingtalk/oapi", "/_dingtalk/api"])
            {
                if (path.StartsWith(prefix + "/", StringComparison.Ordinal))
                {
                    return path[prefix.Length..];
                }
            }

            return path;
        }
    }

    public IReadOnlyDictionary<string, string> Query =>
        QueryHelpers.ParseQuery(Uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json() => JsonDocument.Parse(Body ?? "{}").RootElement.Clone();
}

public sealed record FakeReply(int Status, string Body, string ContentType = "application/json")
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public Exception? Throw { get; init; }

    public static FakeReply Json(int status, string body) => new(status, body);

    /// <summary>An oapi success with <paramref name="resultJson"/> as <c>result</c>.</summary>
    public static FakeReply OapiResult(string resultJson) =>
        new(200, $$"""{"errcode":0,"errmsg":"ok","result":{{resultJson}},"request_id":"req0000001"}""");

    public static FakeReply OapiError(string errcode, string errmsg = "error") =>
        new(200, $$"""{"errcode":{{errcode}},"errmsg":"{{errmsg}}","request_id":"req0000002"}""");

    public static FakeReply ApiError(int status, string code) =>
        new(status, $$"""{"code":"{{code}}","message":"error","requestid":"30EE8654-1AA2-7D88-8248-9518547248AA"}""");

    public static FakeReply Failure(Exception exception) => new(0, "") { Throw = exception };
}
