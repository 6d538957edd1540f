using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Portal.DingTalk.Client;

namespace Portal.DingTalk.Stream;

/// <summary>Asks the gateway for a WebSocket endpoint and ticket (<c>POST /v1.0/gateway/connections/open</c>).</summary>
internal sealed class StreamConnectionOpener(HttpClient http, StreamClientOptions options)
{
    public const string OpenPath = "/v1.0/gateway/connections/open";

    public async Task<StreamTicket> OpenAsync(DingTalkOptions app, CancellationToken cancellationToken)
    {
        var request = new OpenRequest(
            app.AppKey,
            app.AppSecret,
            [new Subscription("EVENT", "*")],
            options.UserAgent,
            LocalIpAddress());
        using var response = await http.PostAsJsonAsync(new Uri(app.ApiBaseUrl.TrimEnd('/') + OpenPath), request, JsonSerializerOptions.Web, cancellationToken);

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            throw new StreamAuthenticationException(app.AppKey, error?.Code ?? "authFailed", error?.Message);
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            throw new DingTalkException($"Stream gateway open failed with HTTP {(int)response.StatusCode} {error?.Code}: {error?.Message}");
        }

        var reply = await response.Content.ReadFromJsonAsync<OpenReply>(JsonSerializerOptions.Web, cancellationToken);
        if (string.IsNullOrWhiteSpace(reply?.Endpoint) || string.IsNullOrWhiteSpace(reply.Ticket))
        {
            throw new DingTalkException("Stream gateway open returned no endpoint or ticket.");
        }

        return new StreamTicket(reply.Endpoint, reply.Ticket);
    }

    private static async Task<ErrorReply?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ErrorReply>(JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string LocalIpAddress()
    {
        try
        {
            var address = NetworkInterface.GetAllNetworkInterfaces()
                .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
                .Select(unicast => unicast.Address)
                .FirstOrDefault(ip => ip.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(ip));
            return (address ?? IPAddress.Loopback).ToString();
        }
        catch (NetworkInformationException)
        {
            return IPAddress.Loopback.ToString();
        }
    }

    private sealed record OpenRequest(string ClientId, string ClientSecret, Subscription[] Subscriptions, string Ua, string LocalIp);

    private sealed record Subscription(string Type, string Topic);

    private sealed record OpenReply(string? Endpoint, string? Ticket);

    private sealed record ErrorReply(string? Code, string? Message);
}
