namespace Portal.DingTalk.Stream;

/// <summary>
/// The Stream gateway rejected the app's credentials (401 <c>authFailed</c>). Retrying cannot help
/// until the configuration changes, so the client stops instead of reconnecting.
/// </summary>
public sealed class StreamAuthenticationException : Exception
{
    public StreamAuthenticationException()
    {
    }

    public StreamAuthenticationException(string message)
        : base(message)
    {
    }

    public StreamAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StreamAuthenticationException(string clientId, string code, string? gatewayMessage)
        : base($"DingTalk Stream rejected the credentials of client '{clientId}' ({code}: {gatewayMessage}). Check DingTalk:AppKey and DingTalk:AppSecret.")
    {
        ClientId = clientId;
        Code = code;
    }

    public string ClientId { get; } = "";

    /// <summary>DingTalk's error code, normally <c>authFailed</c>.</summary>
    public string Code { get; } = "";
}
