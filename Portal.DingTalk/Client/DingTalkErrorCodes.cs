namespace Portal.DingTalk.Client;

/// <summary>Codes of ours for failures that carry no DingTalk code.</summary>
public static class DingTalkErrorCodes
{
    public const string NetworkError = "network.error";
    public const string NetworkTimeout = "network.timeout";

    /// <summary>The reply was not JSON (an HTML error or block page, an empty body on an error status).</summary>
    public const string ReplyNotJson = "reply.notJson";

    /// <summary>The reply was JSON but not the shape the endpoint documents.</summary>
    public const string ReplyUnexpectedShape = "reply.unexpectedShape";

    /// <summary>The caller's IP is blocked for exceeding 10 000 calls in 20 s.</summary>
    public const string IpBlocked = "ip.blocked";
}
