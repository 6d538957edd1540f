using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Portal.Web.Infrastructure.DingTalk;

/// <summary>The portal's own address as a client on this machine reaches it: the first listening one, plain HTTP preferred.</summary>
internal static class ListeningAddress
{
    /// <summary>From the running server; <c>null</c> until it listens (or when it never does, as under a test server).</summary>
    public static string? Of(IServer server) => Pick(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    public static string? Pick(IEnumerable<string> addresses)
    {
        var listening = addresses.ToList();
        var address = listening.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? listening.FirstOrDefault();
        return address is null ? null : Reachable(address);
    }

    /// <summary>A wildcard binding (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) is reached through loopback.</summary>
    private static string? Reachable(string address)
    {
        var normalized = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var builder = new UriBuilder(uri) { Path = "" };
        builder.Host = uri.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" => "[::1]",
            _ => builder.Host,
        };
        return builder.Uri.GetLeftPart(UriPartial.Authority);
    }
}
