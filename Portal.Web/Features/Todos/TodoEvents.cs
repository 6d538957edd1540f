namespace Portal.Web.Features.Todos;

/// <summary>Within one circuit: the person decided a to-do, so the tab badge and lists refresh.</summary>
public sealed class TodoEvents
{
    public event Func<Task>? Changed;

    public async Task RaiseAsync()
    {
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }
}
