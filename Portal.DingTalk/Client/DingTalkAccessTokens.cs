using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client;

/// <summary>
/// The app's access token, cached per AppKey and replaced a margin before it expires. Works on both
/// hosts (reference §1), so one token serves every call.
/// </summary>
public sealed class DingTalkAccessTokens
{
    /// <summary>The named HttpClient every DingTalk call goes through.</summary>
    public const string HttpClientName = "dingtalk";

    private readonly DingTalkHttp http;
    private readonly IOptionsMonitor<DingTalkOptions> options;
    private readonly IOptionsMonitor<DingTalkClientOptions> clientOptions;
    private readonly TimeProvider time;
    private readonly SingleFlightCache cache;

    internal DingTalkAccessTokens(DingTalkHttp http, IOptionsMonitor<DingTalkOptions> options, IOptionsMonitor<DingTalkClientOptions> clientOptions, TimeProvider time)
    {
        this.http = http;
        this.options = options;
        this.clientOptions = clientOptions;
        this.time = time;
        cache = new SingleFlightCache(time);
    }

    /// <summary>A valid app token, from the cache or from the endpoint chosen by <c>DingTalk:Client:TokenEndpoint</c>.</summary>
    public Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var app = options.CurrentValue;
        return cache.GetAsync(app.AppKey, () => FetchAsync(app.AppKey, app.AppSecret), cancellationToken);
    }

    /// <summary>Drops the cached token after DingTalk refused it, unless a newer one already replaced it.</summary>
    public void Invalidate(string accessToken) => cache.Invalidate(options.CurrentValue.AppKey, accessToken);

    /// <summary><c>GET /gettoken?appkey=&amp;appsecret=</c> on oapi.</summary>
    public async Task<DingTalkAccessToken> RequestFromGettokenAsync(string appKey, string appSecret, CancellationToken cancellationToken)
    {
        var call = new DingTalkCall(DingTalkApiNames.GetToken, DingTalkHost.Oapi, HttpMethod.Get, "/gettoken")
        {
            Query = [new("appkey", appKey), new("appsecret", appSecret)],
        };
        var reply = await http.SendAsync<GettokenReply>(call, null, cancellationToken);
        return new DingTalkAccessToken(DingTalkReplies.Required(reply.AccessToken, call.Api, "access_token"), TimeSpan.FromSeconds(reply.ExpiresIn));
    }

    /// <summary><c>POST /v1.0/oauth2/accessToken</c> <c>{appKey, appSecret}</c> on api.</summary>
    public async Task<DingTalkAccessToken> RequestFromOAuth2Async(string appKey, string appSecret, CancellationToken cancellationToken)
    {
        var call = new DingTalkCall(DingTalkApiNames.OAuth2AccessToken, DingTalkHost.Api, HttpMethod.Post, "/v1.0/oauth2/accessToken")
        {
            Body = new OAuth2Request(appKey, appSecret),
        };
        var reply = await http.SendAsync<OAuth2Reply>(call, null, cancellationToken);
        return new DingTalkAccessToken(DingTalkReplies.Required(reply.AccessToken, call.Api, "accessToken"), TimeSpan.FromSeconds(reply.ExpireIn));
    }

    internal static DateTimeOffset RefreshAt(DateTimeOffset now, TimeSpan lifetime, TimeSpan margin) =>
        lifetime > margin ? now + lifetime - margin : now + (lifetime / 2);

    private async Task<SingleFlightCache.Fetched> FetchAsync(string appKey, string appSecret)
    {
        var settings = clientOptions.CurrentValue;
        var requestedAt = time.GetUtcNow();
        var token = settings.TokenEndpoint == DingTalkEndpointGeneration.Oapi
            ? await RequestFromGettokenAsync(appKey, appSecret, CancellationToken.None)
            : await RequestFromOAuth2Async(appKey, appSecret, CancellationToken.None);
        return new(token.Value, RefreshAt(requestedAt, token.ExpiresIn, settings.TokenRefreshMargin));
    }

    private sealed record GettokenReply(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);

    private sealed record OAuth2Request(string AppKey, string AppSecret);

    private sealed record OAuth2Reply(string? AccessToken, long ExpireIn);
}

/// <summary>An access token and how long DingTalk said it lives.</summary>
public sealed record DingTalkAccessToken(string Value, TimeSpan ExpiresIn)
{
    public override string ToString() => $"DingTalkAccessToken(expires in {ExpiresIn})";
}
