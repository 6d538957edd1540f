namespace Portal.Tests.DingTalk.Simulator;

/// <summary>A test class with a running simulator of its own.</summary>
public abstract class SimulatorTest : IAsyncLifetime
{
    protected SimulatorHost Host { get; private set; } = null!;

    /// <summary>Configuration keys the portal starts with.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync() => Host = await SimulatorHost.StartAsync(Settings);

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();
}
