using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Callbacks;

/// <summary>HTTP callback housekeeping (reference §8.1).</summary>
public sealed class CallbackClient
{
    private readonly AppTokenHttp http;

    internal CallbackClient(AppTokenHttp http) => this.http = http;

    /// <summary><c>GET /call_back/get_call_back_failed_result</c>: events we never acknowledged, to replay.</summary>
    public Task<FailedCallbackPage> GetFailedAsync(CancellationToken cancellationToken) =>
        http.SendAsync<FailedCallbackPage>(
            new DingTalkCall(DingTalkApiNames.CallbackFailedResult, DingTalkHost.Oapi, HttpMethod.Get, "/call_back/get_call_back_failed_result"),
            cancellationToken);
}
