namespace Portal.Web.Infrastructure.Configuration;

/// <summary>Configuration section <c>Portal</c>: how the portal presents itself.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>IANA time zone in which times are shown to people.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// The address people reach the portal at (e.g. https://portal.example.com), used in links inside
    /// DingTalk messages. Empty: the portal's own listening address, right for the simulator only.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Addresses or networks (CIDR) of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.</summary>
    public string[] TrustedProxies { get; set; } = [];

    public bool PublicUrlIsHttps => PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
