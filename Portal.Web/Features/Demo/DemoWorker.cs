using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Reading.Demo;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Roles;

namespace Portal.Web.Features.Demo;

/// <summary>
/// In Development with the simulator, waits for the demo organisation's import (started at the same
/// time) and then adds the demo data once, in this order: roles (so there are editors and approvers),
/// news and notices, and the demo OA system's to-dos. Each part leaves alone what is already there,
/// so a restart adds nothing.
/// </summary>
internal sealed partial class DemoWorker(
    IServiceProvider services,
    IOptions<DemoRolesOptions> roles,
    IOptions<DemoContentOptions> content,
    IOptions<DemoClientOptions> client,
    IOptionsMonitor<DingTalkOptions> dingTalk,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DemoWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>An import of the demo organisation takes seconds; past this the worker gives up quietly.</summary>
    private const int MaxAttempts = 120;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wanted = roles.Value.WhenEmpty || content.Value.WhenEmpty || client.Value.Todos;
        if (!wanted || !environment.IsDevelopment() || dingTalk.CurrentValue.Mode != DingTalkMode.Simulator)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }

                await using var scope = services.CreateAsyncScope();
                if (await AddAsync(scope.ServiceProvider, stoppingToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Demo data could not be added");
                return;
            }
        }
    }

    /// <returns>False while the demo organisation is not imported yet.</returns>
    private async Task<bool> AddAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        await using (var db = await scoped.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync(cancellationToken))
        {
            if (!await DemoDirectory.IsImportedAsync(db, cancellationToken))
            {
                return false;
            }
        }

        var givenRoles = roles.Value.WhenEmpty ? await scoped.GetRequiredService<DemoRoles>().SeedAsync(cancellationToken) : 0;
        var published = content.Value.WhenEmpty ? await scoped.GetRequiredService<DemoContentSeeder>().SeedAsync(cancellationToken) : 0;
        var todos = client.Value.Todos ? await scoped.GetRequiredService<DemoTodos>().SeedAsync(cancellationToken) : 0;
        if (givenRoles + published + todos > 0)
        {
            LogAdded(logger, givenRoles, published, todos);
        }
        else
        {
            LogNothingToAdd(logger);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data added: rules for {Roles} roles, {Items} news items and notices, {Todos} to-dos from demo-oa")]
    private static partial void LogAdded(ILogger logger, int roles, int items, int todos);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo data already in place; nothing added")]
    private static partial void LogNothingToAdd(ILogger logger);
}
