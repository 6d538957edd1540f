namespace Portal.DingTalk.Client;

/// <summary>What a caller can do about a DingTalk error; decides retries and outbox handling.</summary>
public enum DingTalkErrorKind
{
    /// <summary>Not classified; treat as permanent until understood.</summary>
    Unknown,

    /// <summary>System busy, gateway timeout or a network failure: the same call may succeed later.</summary>
    Retryable,

    /// <summary>A QPS or flow-control throttle: retry after at least a second.</summary>
    RateLimited,

    /// <summary>The organisation's monthly call quota is used up: retrying this month is pointless.</summary>
    QuotaExhausted,

    /// <summary>The access token or the app credentials were refused.</summary>
    Auth,

    /// <summary>The app lacks the API permission, or the server's IP is not whitelisted.</summary>
    Permission,

    /// <summary>The request itself is wrong (bad parameter, unknown id, reused auth code).</summary>
    BadRequest,
}
