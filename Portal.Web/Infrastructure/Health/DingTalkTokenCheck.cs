using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.DingTalk;
using Portal.DingTalk.Client;

namespace Portal.Web.Infrastructure.Health;

/// <summary>In Live mode the portal is ready only when DingTalk hands it an access token.</summary>
internal sealed class DingTalkTokenCheck(DingTalkAccessTokens tokens, IOptionsMonitor<DingTalkOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.CurrentValue.Mode != DingTalkMode.Live)
        {
            return HealthCheckResult.Healthy($"{options.CurrentValue.Mode} mode");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await tokens.GetAsync(timeout.Token);
            return HealthCheckResult.Healthy("access token obtained");
        }
        catch (DingTalkException exception) when (exception.IsTransportFailure)
        {
            return HealthCheckResult.Unhealthy($"DingTalk unreachable ({exception.Code})");
        }
        catch (DingTalkException exception)
        {
            return HealthCheckResult.Unhealthy($"DingTalk refused the token request (code {exception.Code})");
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("DingTalk unreachable: " + exception.GetType().Name);
        }
    }
}
