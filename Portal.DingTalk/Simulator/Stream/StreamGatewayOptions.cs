namespace Portal.DingTalk.Simulator.Stream;

/// <summary>Configuration of the simulated Stream gateway.</summary>
public sealed class StreamGatewayOptions
{
    /// <summary>Accepted credentials, client id (AppKey) to client secret (AppSecret).</summary>
    public IDictionary<string, string> Credentials { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When set, decides instead of <see cref="Credentials"/> whether a client id and secret are valid.</summary>
    public Func<string, string, bool>? ValidateCredentials { get; set; }

    /// <summary>The <c>eventCorpId</c> header of EVENT frames.</summary>
    public string CorpId { get; set; } = "";

    /// <summary>How long a ticket from <c>connections/open</c> stays usable; it is single-use either way.</summary>
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait for a client's ack before sending the frame again.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before redelivering an event the client answered with LATER.</summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sends of one event to one client before the gateway gives up.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>How long a client may take to close after a <c>disconnect</c> frame before it is cut off.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
