using Portal.Web.Features.Content.Reach;
using Portal.Web.Features.Content.Reading.Demo;

namespace Portal.Web.Features.Content.Reading;

public static class ReadingSetup
{
    /// <summary>The home feed, the item page and its receipts, the reach page, and the demo content of a development start.</summary>
    public static IServiceCollection AddContentReading(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<ReadingOptions>().BindConfiguration(ReadingOptions.SectionName)
            .Validate(o => o.LiveItemsSeconds > 0, "Content:Reading:LiveItemsSeconds must be positive.")
            .ValidateOnStart();
        services.AddSingleton<LiveItems>();
        services.AddSingleton<UnreadCounts>();
        services.AddScoped<ReadingEvents>();
        services.AddScoped<RecordRead>();
        services.AddScoped<AcknowledgeArticle>();
        services.AddScoped<ReachAccess>();
        services.AddDemoContent();
        return services;
    }
}
