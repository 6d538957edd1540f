using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Todos.Delivery;

public static class TodoDeliverySetup
{
    private static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddTodoDelivery(this IServiceCollection services)
    {
        // A fallback: signed one-tap links registered with AddSingleton, before or after this, take its place.
        services.TryAddSingleton<ITodoActionLinks, TodoDetailActionLinks>();
        services.AddSingleton<TodoLinks>();
        services.AddSingleton<IOutboxHandler, AssignmentNotifier>();
        services.AddSingleton<IOutboxHandler, TodoMirror>();
        services.AddSingleton<IOutboxHandler, DecisionWebhook>();
        services.AddHttpClient(DecisionWebhook.HttpClientName, client => client.Timeout = WebhookTimeout);
        return services;
    }
}
