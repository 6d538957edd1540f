using Portal.Tests.Infrastructure;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>A test class with a portal of its own, called through the simulator's helpers.</summary>
public abstract class SimulatorTest : PortalTest
{
    protected SimulatorHost Host { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host = new SimulatorHost(Portal);
    }
}
