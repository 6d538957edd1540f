using Microsoft.AspNetCore.Hosting.Server;
using Portal.Web.Features.Simulator;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Infrastructure.Logging;

/// <summary>
/// Once the portal listens, one line saying where to go: the portal's address and, with the simulator,
/// the simulated DingTalk phone, where one picks whom to be.
/// </summary>
internal sealed partial class StartupMessage(IHostApplicationLifetime lifetime, IServer server, SimulatedPhoneAccess phone, ILogger<StartupMessage> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Write);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Write()
    {
        // A test server listens nowhere.
        if (ListeningAddress.Of(server) is not { } address)
        {
            return;
        }

        if (phone.IsAvailable)
        {
            LogWithSimulator(logger, address, address + SimulatedPhoneAccess.Path);
        }
        else
        {
            LogReady(logger, address);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal ready: open {PortalUrl} (the simulated DingTalk phone, to pick whom to sign in as: {SimulatorUrl})")]
    private static partial void LogWithSimulator(ILogger logger, string portalUrl, string simulatorUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal ready at {PortalUrl}")]
    private static partial void LogReady(ILogger logger, string portalUrl);
}
