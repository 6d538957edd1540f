using Portal.Web.Features.Content.Workflow;

namespace Portal.Web.Features.Content.Scheduling;

public sealed record SchedulePass(int Published, int Expired);

/// <summary>One pass of the content clock: scheduled items whose time has come go live, expired ones come down.</summary>
public sealed class ContentSchedule(PublishArticle publish, ExpireArticles expire)
{
    public async Task<SchedulePass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var published = await publish.PublishDueAsync(cancellationToken);
        var expired = await expire.ExpireDueAsync(cancellationToken);
        return new SchedulePass(published, expired);
    }
}
