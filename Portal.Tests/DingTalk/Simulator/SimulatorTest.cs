namespace Portal.Tests.DingTalk.Simulator;

/// <summary>A test class with a running simulator of its own.</summary>
public abstract class SimulatorTest : IAsyncLifetime
{
    protected SimulatorHost Host { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Host = SimulatorHost.Start();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();
}
