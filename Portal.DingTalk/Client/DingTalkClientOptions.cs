namespace Portal.DingTalk.Client;

/// <summary>Which generation of a DingTalk endpoint to call when both exist.</summary>
public enum DingTalkEndpointGeneration
{
    /// <summary>api.dingtalk.com <c>/v1.0/oauth2/…</c> (JSON body, header token).</summary>
    V1,

    /// <summary>oapi.dingtalk.com (<c>/gettoken</c>, <c>/get_jsapi_ticket</c>).</summary>
    Oapi,
}

/// <summary>Configuration section <c>DingTalk:Client</c>: how the typed client paces, retries and caches.</summary>
public sealed class DingTalkClientOptions
{
    public const string SectionName = "DingTalk:Client";

    /// <summary>Calls per second per API; DingTalk allows 20 per app per API, so stay below. 0 turns client-side limiting off.</summary>
    public int DefaultQps { get; set; } = 15;

    /// <summary>Per-API overrides of <see cref="DefaultQps"/>, keyed by a name from <see cref="DingTalkApiNames"/>.</summary>
    public Dictionary<string, int> ApiQps { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Retries after the first attempt, for retryable and rate-limited errors only. 0 turns retries off.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest delay between attempts; an error asking to wait longer is not retried here.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before expiry a cached access token or JSAPI ticket is replaced.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(10);

    public DingTalkEndpointGeneration TokenEndpoint { get; set; } = DingTalkEndpointGeneration.V1;

    public DingTalkEndpointGeneration JsapiTicketEndpoint { get; set; } = DingTalkEndpointGeneration.V1;

    /// <summary>Most user ids in one work notification (<c>userid_list</c>, reference §4).</summary>
    public int MaxNotificationUserIds { get; set; } = 100;

    /// <summary>Most department ids in one work notification (<c>dept_id_list</c>, reference §4).</summary>
    public int MaxNotificationDeptIds { get; set; } = 20;

    public int QpsFor(string api)
    {
        foreach (var (name, qps) in ApiQps)
        {
            if (string.Equals(name, api, StringComparison.OrdinalIgnoreCase))
            {
                return qps;
            }
        }

        return DefaultQps;
    }
}
