using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Portal.DingTalk.Stream;

public static class StreamClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StreamClient"/>. Register handlers as <c>IOrgEventHandler</c>; each event
    /// gets its own DI scope. <see cref="DingTalkOptions"/> must be configured separately.
    /// </summary>
    /// <returns>The options builder, to bind or configure <see cref="StreamClientOptions"/>.</returns>
    public static OptionsBuilder<StreamClientOptions> AddDingTalkStreamClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(StreamClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<StreamClient>();
        return services.AddOptions<StreamClientOptions>()
            .Validate(options => options.IsValid(), "DingTalk:Stream needs positive delays, MaxReconnectDelay >= InitialReconnectDelay and a UserAgent.");
    }
}
