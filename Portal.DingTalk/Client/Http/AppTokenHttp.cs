using Microsoft.Extensions.Options;

namespace Portal.DingTalk.Client.Http;

/// <summary>Calls DingTalk with the app's token; a refused token is dropped, refetched and the call retried, once.</summary>
internal sealed class AppTokenHttp(DingTalkHttp http, DingTalkAccessTokens tokens, IOptionsMonitor<DingTalkOptions> options)
{
    public DingTalkHttp WithoutAppToken => http;

    public DingTalkOptions App => options.CurrentValue;

    public async Task<T> SendAsync<T>(DingTalkCall call, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        try
        {
            return await http.SendAsync<T>(call, token, cancellationToken);
        }
        catch (DingTalkException error) when (error.IsTokenRejected)
        {
            tokens.Invalidate(token);
            var fresh = await tokens.GetAsync(cancellationToken);
            return await http.SendAsync<T>(call, fresh, cancellationToken);
        }
    }
}
