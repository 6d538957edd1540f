using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Portal.DingTalk.Client.Http;

/// <summary>
/// The one way to DingTalk for both hosts: paces per API, retries what may pass, places the token
/// where the host expects it, and turns either envelope (or no envelope) into a model or a
/// <see cref="DingTalkException"/>.
/// </summary>
internal sealed class DingTalkHttp
{
    public const string ApiTokenHeader = "x-acs-dingtalk-access-token";

    private readonly IHttpClientFactory httpClients;
    private readonly IOptionsMonitor<DingTalkOptions> options;
    private readonly ApiRateLimiter limiter;
    private readonly ResiliencePipeline retry;

    public DingTalkHttp(
        IHttpClientFactory httpClients,
        IOptionsMonitor<DingTalkOptions> options,
        IOptionsMonitor<DingTalkClientOptions> clientOptions,
        ApiRateLimiter limiter,
        TimeProvider time,
        ILogger<DingTalkHttp> logger)
    {
        this.httpClients = httpClients;
        this.options = options;
        this.limiter = limiter;
        retry = DingTalkRetry.Build(clientOptions.CurrentValue, time, logger);
    }

    /// <param name="accessToken">App or user token; null for the token endpoints themselves.</param>
    public async Task<T> SendAsync<T>(DingTalkCall call, string? accessToken, CancellationToken cancellationToken) =>
        await retry.ExecuteAsync(
            async token =>
            {
                await limiter.WaitAsync(call.Api, token);
                return await SendOnceAsync<T>(call, accessToken, token);
            },
            cancellationToken);

    private async Task<T> SendOnceAsync<T>(DingTalkCall call, string? accessToken, CancellationToken cancellationToken)
    {
        using var request = BuildRequest(call, accessToken);
        var http = httpClients.CreateClient(DingTalkAccessTokens.HttpClientName);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return DingTalkReply.Read<T>(call, (int)response.StatusCode, response.Headers, body);
        }
        catch (HttpRequestException exception)
        {
            throw new DingTalkException(call.Api, DingTalkErrorCodes.NetworkError, DingTalkErrorKind.Retryable, $"DingTalk {call.Api} unreachable: {exception.HttpRequestError}.", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DingTalkException(call.Api, DingTalkErrorCodes.NetworkTimeout, DingTalkErrorKind.Retryable, $"DingTalk {call.Api} did not answer in time.", exception);
        }
    }

    private HttpRequestMessage BuildRequest(DingTalkCall call, string? accessToken)
    {
        var settings = options.CurrentValue;
        var baseUrl = (call.Host == DingTalkHost.Oapi ? settings.OapiBaseUrl : settings.ApiBaseUrl).TrimEnd('/');
        var query = new StringBuilder();
        if (call.Host == DingTalkHost.Oapi && accessToken is not null)
        {
            AppendQuery(query, "access_token", accessToken);
        }

        foreach (var (name, value) in call.Query)
        {
            AppendQuery(query, name, value);
        }

        var request = new HttpRequestMessage(call.Method, new Uri(baseUrl + call.Path + query, UriKind.Absolute));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (call.Host == DingTalkHost.Api && accessToken is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiTokenHeader, accessToken);
        }

        if (call.Body is { } body)
        {
            // Bytes with a length, not a streamed JsonContent: some gateways refuse chunked bodies.
            var json = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DingTalkJson.For(call.Host));
            request.Content = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
        }

        return request;
    }

    private static void AppendQuery(StringBuilder query, string name, string value) =>
        query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
}
