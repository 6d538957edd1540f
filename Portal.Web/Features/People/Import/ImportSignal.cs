namespace Portal.Web.Features.People.Import;

/// <summary>Wakes the import worker as soon as someone asks for an import, instead of at its next tick.</summary>
public sealed class ImportSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Raise()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already raised; one wake-up is enough.
            }
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => signal.WaitAsync(cancellationToken);

    public void Dispose() => signal.Dispose();
}
