namespace Portal.Web.Features.Integration;

/// <summary>
/// Configuration section <c>Integration:DemoClient</c>: in Development with the DingTalk simulator, a
/// client "demo-oa" with every scope and this key, so a local OA system can call the API at once.
/// </summary>
public sealed class DemoClientOptions
{
    public const string SectionName = "Integration:DemoClient";

    public const string ClientName = "demo-oa";

    public const int MinKeyLength = 16;

    public string? Key { get; set; }

    /// <summary>Where decisions on demo-oa's to-dos are posted (http allowed: it is Development).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The secret those posts are signed with; stored encrypted like one generated on the admin page.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Once the demo organisation is imported, demo-oa sends a handful of approval requests to some of
    /// its people through the to-do API's upsert, each once.
    /// </summary>
    public bool Todos { get; set; }
}
