namespace Portal.Web.Features.Content.Reading;

/// <summary>Within one circuit: the person read or confirmed something, so counts shown elsewhere (the tab bar) refresh.</summary>
public sealed class ReadingEvents
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
