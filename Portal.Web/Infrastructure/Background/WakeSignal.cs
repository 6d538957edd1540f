namespace Portal.Web.Infrastructure.Background;

/// <summary>Wakes a background worker as soon as there is work, instead of at its next tick.</summary>
public abstract class WakeSignal : IDisposable
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

    public void Dispose()
    {
        signal.Dispose();
        GC.SuppressFinalize(this);
    }
}
