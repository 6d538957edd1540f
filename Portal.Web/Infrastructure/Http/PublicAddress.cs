using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Configuration;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Infrastructure.Http;

/// <summary>
/// The address people reach the portal at (<c>Portal:PublicUrl</c>), for links that leave the portal:
/// in DingTalk messages and to-dos, and in answers to integration clients. Unset, the portal's own
/// listening address, which is right for the simulator only.
/// </summary>
public sealed class PublicAddress(IOptionsMonitor<PortalOptions> options, IServer server)
{
    /// <param name="path">From the portal's root, starting with a slash.</param>
    public string Of(string path) => Base() + path;

    /// <summary>Host and port people reach the portal at, e.g. <c>portal.example.com</c>.</summary>
    public string Authority => new Uri(Base()).Authority;

    private string Base()
    {
        var configured = options.CurrentValue.PublicUrl;
        return (string.IsNullOrWhiteSpace(configured) ? ListeningAddress.Of(server) ?? "http://localhost:5000" : configured).TrimEnd('/');
    }
}
