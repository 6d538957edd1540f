using Microsoft.Extensions.Options;
using Portal.DingTalk.Stream;

namespace Portal.Web.Features.DingTalkEvents;

/// <summary>Keeps the Stream connection open for the portal's lifetime; the client reconnects by itself.</summary>
internal sealed class StreamWorker(StreamClient client, IOptions<StreamHostingOptions> options, ILogger<StreamWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await client.RunAsync(stoppingToken);
        }
        catch (StreamAuthenticationException exception)
        {
            // Wrong credentials will not fix themselves by retrying; say so once, loudly.
            logger.LogError("DingTalk Stream refused the app's credentials ({Code}); org events will not arrive until DingTalk:AppKey/AppSecret are fixed", exception.Code);
        }
    }
}
