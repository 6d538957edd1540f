namespace Portal.DingTalk.Client;

/// <summary>
/// An error answered by DingTalk (either envelope), or a failure to reach it. The message carries
/// DingTalk's own code and text, never a token, secret or request URL.
/// </summary>
public sealed class DingTalkException : Exception
{
    public DingTalkException()
    {
    }

    public DingTalkException(string message)
        : base(message)
    {
    }

    public DingTalkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DingTalkException(string api, string code, DingTalkErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Api = api;
        Code = code;
        Kind = kind;
    }

    /// <summary>The oapi <c>errcode</c> as text (e.g. <c>40014</c>), the v1.0 <c>code</c>, or a <c>network.*</c> / <c>reply.*</c> code of ours.</summary>
    public string Code { get; } = "";

    /// <summary>The endpoint that failed, as named in <see cref="DingTalkApiNames"/>.</summary>
    public string Api { get; } = "";

    public DingTalkErrorKind Kind { get; }

    /// <summary>The TOP gateway's <c>sub_code</c>, when the oapi reply carries one.</summary>
    public string? SubCode { get; init; }

    /// <summary>oapi <c>request_id</c>, v1.0 <c>requestid</c>, or the <c>x-acs-request-id</c> header.</summary>
    public string? RequestId { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>How long DingTalk asked us to stay away, when it said so.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>DingTalk refused the access token itself (invalid or expired): a fresh token may succeed.</summary>
    public bool IsTokenRejected { get; init; }

    /// <summary>DingTalk was not reached or did not answer in time.</summary>
    public bool IsTransportFailure => Code is DingTalkErrorCodes.NetworkError or DingTalkErrorCodes.NetworkTimeout;
}
