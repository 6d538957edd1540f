namespace Portal.Web.Features.Todos;

public static class TodosSetup
{
    /// <summary>My to-dos: the list, the detail and one-tap pages, the decision, and the signed action links.</summary>
    public static IServiceCollection AddPortalTodos(this IServiceCollection services)
    {
        services.AddScoped<DecideTodo>();
        services.AddScoped<TodoEvents>();
        services.AddSingleton<TodoActionLinks>();
        services.AddSingleton<TodoLinks>();
        return services;
    }
}
