namespace Portal.Web.Features.Integration;

/// <summary>Configuration section <c>Integration</c>: limits of the integration API.</summary>
public sealed class IntegrationOptions
{
    public const string SectionName = "Integration";

    /// <summary>Requests per minute per integration client.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 1_048_576;

    /// <summary>Largest body of <c>POST /api/v1/todos/batch</c>, in bytes (a thousand to-dos with cards fit).</summary>
    public int MaxBatchBodyBytes { get; set; } = 8_388_608;

    /// <summary>Wrong keys per minute from one client address before that address is refused for the rest of the minute.</summary>
    public int FailedKeysPerMinute { get; set; } = 10;

    /// <summary>Whether webhooks may go to loopback, link-local and private addresses; unset: only in Development.</summary>
    public bool? AllowPrivateWebhookTargets { get; set; }

    /// <summary>Private networks (CIDR, e.g. 10.20.0.0/16) webhooks may go to all the same, such as the OA system's.</summary>
    public string[] WebhookAllowedNetworks { get; set; } = [];
}
