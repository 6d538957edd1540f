namespace Portal.DingTalk.Stream;

/// <summary>
/// Configuration of the Stream client (section <c>DingTalk:Stream</c>). Credentials and the API base
/// URL come from <see cref="DingTalkOptions"/>.
/// </summary>
public sealed class StreamClientOptions
{
    public const string SectionName = "DingTalk:Stream";

    /// <summary>Wait before the first reconnect; doubles on each failed attempt.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Upper bound of the random delay added to each reconnect, so replicas do not reconnect in step.</summary>
    public TimeSpan ReconnectJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a handled message id is remembered, so a redelivered frame is not handled twice.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Interval of WebSocket PING frames sent by the client.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the PONG before the connection counts as dead.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for opening the connection (gateway request plus WebSocket handshake).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>ua</c> reported to the gateway.</summary>
    public string UserAgent { get; set; } = "portal/1.0";

    internal bool IsValid() =>
        InitialReconnectDelay > TimeSpan.Zero
        && MaxReconnectDelay >= InitialReconnectDelay
        && ReconnectJitter >= TimeSpan.Zero
        && DedupeWindow >= TimeSpan.Zero
        && KeepAliveInterval > TimeSpan.Zero
        && KeepAliveTimeout > TimeSpan.Zero
        && ConnectTimeout > TimeSpan.Zero
        && !string.IsNullOrWhiteSpace(UserAgent);
}
