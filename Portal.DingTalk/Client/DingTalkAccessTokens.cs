using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Portal.DingTalk.Client;

/// <summary>Obtains and caches the app's access token (oapi <c>gettoken</c>).</summary>
public sealed class DingTalkAccessTokens(IHttpClientFactory httpClients, IOptionsMonitor<DingTalkOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "dingtalk";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? cached;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (cached is { } current && current.ExpiresAt - RefreshMargin > time.GetUtcNow())
        {
            return current.Token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } fresh && fresh.ExpiresAt - RefreshMargin > time.GetUtcNow())
            {
                return fresh.Token;
            }

            var settings = options.CurrentValue;
            var url = new Uri($"{settings.OapiBaseUrl.TrimEnd('/')}/gettoken?appkey={Uri.EscapeDataString(settings.AppKey)}&appsecret={Uri.EscapeDataString(settings.AppSecret)}");
            var http = httpClients.CreateClient(HttpClientName);
            var reply = await http.GetFromJsonAsync<TokenReply>(url, cancellationToken)
                ?? throw new DingTalkException(-1, "empty gettoken reply");
            if (reply.ErrCode != 0 || string.IsNullOrEmpty(reply.AccessToken))
            {
                throw new DingTalkException(reply.ErrCode, reply.ErrMsg ?? "gettoken failed");
            }

            cached = (reply.AccessToken, time.GetUtcNow().AddSeconds(reply.ExpiresIn));
            return reply.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record TokenReply(
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg,
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    public void Dispose() => gate.Dispose();
}
