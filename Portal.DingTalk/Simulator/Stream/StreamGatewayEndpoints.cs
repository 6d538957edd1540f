using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Portal.DingTalk.Simulator.Stream;

public static class StreamGatewayEndpoints
{
    public const string OpenPath = "/v1.0/gateway/connections/open";
    public const string ConnectPath = "/gateway/connect";

    /// <summary>Registers the <see cref="StreamGateway"/> singleton; configure credentials through the returned builder.</summary>
    public static OptionsBuilder<StreamGatewayOptions> AddStreamGateway(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StreamGateway>();
        return services.AddOptions<StreamGatewayOptions>()
            .Validate(
                options => options.AckTimeout > TimeSpan.Zero && options.RedeliveryDelay >= TimeSpan.Zero && options.MaxDeliveryAttempts > 0
                    && options.TicketLifetime > TimeSpan.Zero && options.CloseTimeout > TimeSpan.Zero,
                "The Stream gateway needs positive timeouts and at least one delivery attempt.");
    }

    /// <summary>
    /// Maps <c>POST {prefix}/v1.0/gateway/connections/open</c> and the WebSocket endpoint
    /// <c>{prefix}/gateway/connect</c>. The WebSocket endpoint runs its own <c>UseWebSockets</c>, so
    /// the host does not need to call it (calling it as well is harmless). Requires
    /// <see cref="AddStreamGateway"/>.
    /// </summary>
    /// <param name="endpoints">The host's endpoint builder.</param>
    /// <param name="prefix">Path under which DingTalk's API host is simulated, e.g. <c>/_dingtalk/api</c>.</param>
    public static RouteGroupBuilder MapStreamGateway(this IEndpointRouteBuilder endpoints, string prefix)
    {
        var gateway = endpoints.ServiceProvider.GetService<StreamGateway>()
            ?? throw new InvalidOperationException("Call services.AddStreamGateway() before MapStreamGateway.");
        var group = endpoints.MapGroup(prefix);

        group.MapPost(OpenPath, (HttpContext context, StreamGateway streamGateway) => OpenAsync(context, streamGateway, prefix));

        // The same trick SignalR uses: a private pipeline with the WebSocket middleware in front of the handler.
        var webSocketPipeline = endpoints.CreateApplicationBuilder();
        webSocketPipeline.UseWebSockets();
        webSocketPipeline.Run(context => ConnectAsync(context, gateway));
        group.Map(ConnectPath, webSocketPipeline.Build());

        return group;
    }

    private static async Task<IResult> OpenAsync(HttpContext context, StreamGateway gateway, string prefix)
    {
        var request = await ReadOpenRequestAsync(context);
        if (string.IsNullOrWhiteSpace(request?.ClientId) || request.ClientSecret is null)
        {
            return Error(StatusCodes.Status400BadRequest, "invalidParameter", "clientId and clientSecret are required");
        }

        if (!gateway.Authenticate(request.ClientId, request.ClientSecret))
        {
            gateway.LogRejectedCredentials(request.ClientId);
            return Error(StatusCodes.Status401Unauthorized, "authFailed", "鉴权失败");
        }

        var http = context.Request;
        var endpoint = $"{(http.IsHttps ? "wss" : "ws")}://{http.Host}{http.PathBase}{prefix.TrimEnd('/')}{ConnectPath}";
        return Results.Json(new { endpoint, ticket = gateway.IssueTicket(request.ClientId) });
    }

    private static async Task ConnectAsync(HttpContext context, StreamGateway gateway)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Error(StatusCodes.Status400BadRequest, "invalidParameter", "WebSocket upgrade expected").ExecuteAsync(context);
            return;
        }

        var ticket = context.Request.Query["ticket"].ToString();
        if (ticket.Length == 0 || gateway.RedeemTicket(ticket) is not { } clientId)
        {
            gateway.LogRefusedTicket();
            await Error(StatusCodes.Status401Unauthorized, "authFailed", "ticket invalid").ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await gateway.RunConnectionAsync(clientId, ticket, socket, context);
    }

    private static async Task<OpenRequest?> ReadOpenRequestAsync(HttpContext context)
    {
        try
        {
            return await context.Request.ReadFromJsonAsync<OpenRequest>(JsonSerializerOptions.Web, context.RequestAborted);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { requestid = Guid.NewGuid().ToString("D").ToUpperInvariant(), code, message }, statusCode: status);

    private sealed record OpenRequest(string? ClientId, string? ClientSecret, Subscription[]? Subscriptions, string? Ua, string? LocalIp);

    private sealed record Subscription(string? Type, string? Topic);
}
