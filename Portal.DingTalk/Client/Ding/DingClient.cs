using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Ding;

/// <summary>DING messages through a robot: <c>/v1.0/robot/ding/*</c> (reference §5).</summary>
public sealed class DingClient
{
    private readonly AppTokenHttp http;

    internal DingClient(AppTokenHttp http) => this.http = http;

    public Task<DingSendResult> SendAsync(DingSendRequest request, CancellationToken cancellationToken) =>
        http.SendAsync<DingSendResult>(
            new DingTalkCall(DingTalkApiNames.DingSend, DingTalkHost.Api, HttpMethod.Post, "/v1.0/robot/ding/send") { Body = request },
            cancellationToken);

    public Task RecallAsync(string robotCode, string openDingId, CancellationToken cancellationToken) =>
        http.SendAsync<RecallReply>(
            new DingTalkCall(DingTalkApiNames.DingRecall, DingTalkHost.Api, HttpMethod.Post, "/v1.0/robot/ding/recall") { Body = new RecallBody(robotCode, openDingId) },
            cancellationToken);

    private sealed record RecallBody(string RobotCode, string OpenDingId);

    private sealed record RecallReply;
}
