using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client;

/// <summary>
/// The app's JSAPI ticket for dd.config signatures, cached per AppKey for at most two hours
/// (reference §3.1); it must come from the same app's token, which is why it rides on <see cref="DingTalkAccessTokens"/>.
/// </summary>
public sealed class DingTalkJsapiTickets
{
    private static readonly TimeSpan LongestCache = TimeSpan.FromHours(2);

    private readonly AppTokenHttp http;
    private readonly IOptionsMonitor<DingTalkClientOptions> clientOptions;
    private readonly TimeProvider time;
    private readonly SingleFlightCache cache;

    internal DingTalkJsapiTickets(AppTokenHttp http, IOptionsMonitor<DingTalkClientOptions> clientOptions, TimeProvider time)
    {
        this.http = http;
        this.clientOptions = clientOptions;
        this.time = time;
        cache = new SingleFlightCache(time);
    }

    /// <summary>A valid ticket, from the cache or from the endpoint chosen by <c>DingTalk:Client:JsapiTicketEndpoint</c>.</summary>
    public Task<string> GetAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(http.App.AppKey, FetchAsync, cancellationToken);

    /// <summary><c>GET /get_jsapi_ticket</c> on oapi.</summary>
    public async Task<DingTalkJsapiTicket> RequestFromGetJsapiTicketAsync(CancellationToken cancellationToken)
    {
        var call = new DingTalkCall(DingTalkApiNames.GetJsapiTicket, DingTalkHost.Oapi, HttpMethod.Get, "/get_jsapi_ticket");
        var reply = await http.SendAsync<OapiReply>(call, cancellationToken);
        return new DingTalkJsapiTicket(DingTalkReplies.Required(reply.Ticket, call.Api, "ticket"), TimeSpan.FromSeconds(reply.ExpiresIn));
    }

    /// <summary><c>POST /v1.0/oauth2/jsapiTickets</c> on api (token in the header, no body).</summary>
    public async Task<DingTalkJsapiTicket> RequestFromOAuth2Async(CancellationToken cancellationToken)
    {
        var call = new DingTalkCall(DingTalkApiNames.OAuth2JsapiTicket, DingTalkHost.Api, HttpMethod.Post, "/v1.0/oauth2/jsapiTickets");
        var reply = await http.SendAsync<V1Reply>(call, cancellationToken);
        return new DingTalkJsapiTicket(DingTalkReplies.Required(reply.JsapiTicket, call.Api, "jsapiTicket"), TimeSpan.FromSeconds(reply.ExpireIn));
    }

    private async Task<SingleFlightCache.Fetched> FetchAsync()
    {
        var settings = clientOptions.CurrentValue;
        var requestedAt = time.GetUtcNow();
        var ticket = settings.JsapiTicketEndpoint == DingTalkEndpointGeneration.Oapi
            ? await RequestFromGetJsapiTicketAsync(CancellationToken.None)
            : await RequestFromOAuth2Async(CancellationToken.None);
        var lifetime = ticket.ExpiresIn < LongestCache ? ticket.ExpiresIn : LongestCache;
        return new(ticket.Value, DingTalkAccessTokens.RefreshAt(requestedAt, lifetime, settings.TokenRefreshMargin));
    }

    private sealed record OapiReply(
        [property: JsonPropertyName("ticket")] string? Ticket,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);

    private sealed record V1Reply(string? JsapiTicket, long ExpireIn);
}

/// <summary>A JSAPI ticket and how long DingTalk said it lives.</summary>
public sealed record DingTalkJsapiTicket(string Value, TimeSpan ExpiresIn)
{
    public override string ToString() => $"DingTalkJsapiTicket(expires in {ExpiresIn})";
}
