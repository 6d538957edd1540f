using Portal.Web.Features.Integration;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Todos.Delivery;

public static class TodoDeliverySetup
{
    private static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddTodoDelivery(this IServiceCollection services)
    {
        // Message buttons carry signed one-tap links to the confirmation page.
        services.AddSingleton<ITodoActionLinks>(provider => provider.GetRequiredService<TodoActionLinks>());
        services.AddSingleton<IOutboxHandler, AssignmentNotifier>();
        services.AddSingleton<IOutboxHandler, TodoMirror>();
        services.AddSingleton<IOutboxHandler, DecisionWebhook>();
        // A redirect would carry the signed body somewhere the admin never named: not followed.
        services.AddHttpClient(DecisionWebhook.HttpClientName, client => client.Timeout = WebhookTimeout)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = provider.GetRequiredService<WebhookTargets>().ConnectAsync,
            });
        return services;
    }
}
