using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Http;
using IPNetwork = System.Net.IPNetwork;

namespace Portal.Web.Features.Integration;

/// <summary>
/// Where the portal may post webhooks. Outside Development only public addresses, or networks an
/// operator lists in <c>Integration:WebhookAllowedNetworks</c> (an OA system on the intranet): never
/// loopback, link-local (cloud metadata at 169.254.169.254) or other private addresses by default.
/// The check runs on the address actually connected to, after DNS, so a name cannot be pointed at an
/// internal address later.
/// </summary>
public sealed class WebhookTargets(IOptionsMonitor<IntegrationOptions> options, IHostEnvironment environment)
{
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private bool AnyAllowed => options.CurrentValue.AllowPrivateWebhookTargets ?? environment.IsDevelopment();

    public bool Allows(IPAddress address)
    {
        if (AnyAllowed)
        {
            return true;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return !NonPublic.Any(n => n.Contains(plain))
            || options.CurrentValue.WebhookAllowedNetworks.Any(entry => ForwardedHeadersSetup.TryParse(entry.Trim(), out var network) && network.Contains(plain));
    }

    /// <summary>Whether a URL names a host the portal may post to, as far as can be told without DNS.</summary>
    public bool AllowsHost(Uri url) => AnyAllowed
        || (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address)
            ? Allows(address)
            : !url.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !url.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>The connection step of the webhook client: resolve, refuse what is not allowed, connect to the first allowed address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(Allows).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookTargetRefusedException($"{host} resolves only to addresses webhooks may not be sent to (loopback, link-local or private); list its network in Integration:WebhookAllowedNetworks if it is meant.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A webhook target the portal refuses to connect to; retrying will not change that.</summary>
public sealed class WebhookTargetRefusedException(string message) : IOException(message);
