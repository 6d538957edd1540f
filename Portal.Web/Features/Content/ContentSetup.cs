using Portal.Web.Features.Content.Delivery;
using Portal.Web.Features.Content.Editing;
using Portal.Web.Features.Content.Scheduling;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Features.Content.Workflow;
using Portal.Web.Features.Outbox;

namespace Portal.Web.Features.Content;

public static class ContentSetup
{
    public static IServiceCollection AddPortalContent(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName)
            .Validate(o => o.MonthlyCallQuota > 0 && o.WarnAboveCalls >= 0 && o.RefuseAboveCalls >= o.WarnAboveCalls && o.ResultDelaySeconds >= 0 && o.DailyMessagesPerPerson > 0,
                "Content:Delivery:MonthlyCallQuota and DailyMessagesPerPerson must be positive, WarnAboveCalls and ResultDelaySeconds not negative, RefuseAboveCalls at least WarnAboveCalls.")
            .ValidateOnStart();
        services.AddSingleton<ContentLinks>();
        services.AddSingleton<SendPlanner>();
        services.AddSingleton<WorkflowEffects>();
        services.AddScoped<PublishArticle>();
        services.AddScoped<RemindUnread>();
        services.AddContentEditing();
        services.AddSingleton<IOutboxHandler, NotificationSender>();
        services.AddSingleton<IOutboxHandler, SendResultCollector>();
        services.AddSingleton<IOutboxHandler, WorkflowNotifier>();
        services.AddContentScheduler();
        services.AddContentReading();
        return services;
    }
}
