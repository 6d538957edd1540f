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
        services.AddHttpClient(DecisionWebhook.HttpClientName, client => client.Timeout = WebhookTimeout);
        return services;
    }
}
