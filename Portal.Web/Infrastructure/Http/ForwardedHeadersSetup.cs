using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;
using Portal.Web.Infrastructure.Configuration;

namespace Portal.Web.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy the client's address and scheme come from <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, but only when the connection comes from a proxy listed in
/// <c>Portal:TrustedProxies</c>; from anyone else those headers are ignored, so nobody can pick the
/// address a rate limit counts. The Host header is never trusted: links are built from
/// <c>Portal:PublicUrl</c>.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ConfigureForwardedHeaders>();
        return services;
    }

    public static bool TryParse(string entry, out IPNetwork network)
    {
        if (IPNetwork.TryParse(entry, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        return false;
    }

    private sealed class ConfigureForwardedHeaders(IOptions<PortalOptions> portal) : IConfigureOptions<ForwardedHeadersOptions>
    {
        public void Configure(ForwardedHeadersOptions options)
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list still holds the loopback default, and the middleware still reads it.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005

            // With both lists empty the middleware would believe everyone, so without a configured proxy it reads nothing.
            var proxies = portal.Value.TrustedProxies;
            options.ForwardedHeaders = proxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Each hop must be a trusted proxy, so the chain may be as long as the operator's.
            options.ForwardLimit = null;
            foreach (var entry in proxies)
            {
                if (TryParse(entry.Trim(), out var network))
                {
                    options.KnownIPNetworks.Add(network);
                }
            }
        }
    }
}
