namespace Portal.Web.Features.Simulator;

public static class SimulatedPhoneSetup
{
    /// <summary>The developer's simulated phone at <c>/simulator/phone</c>; it reads the simulator's inboxes.</summary>
    public static IServiceCollection AddSimulatedPhone(this IServiceCollection services) =>
        services.AddSingleton<SimulatedPhoneAccess>();
}
