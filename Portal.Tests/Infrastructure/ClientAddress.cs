using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (all of 127.0.0.0/8 is this machine), so a
/// test can be two different callers to the portal's per-address limits.
/// </summary>
public static class ClientAddress
{
    public static HttpClient From(string localAddress, Uri baseAddress, bool keepCookies = false) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = keepCookies,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = baseAddress };
}
