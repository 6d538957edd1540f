namespace Portal.Web.Features.Content.Workflow;

internal static partial class WorkflowLog
{
    [LoggerMessage(1, LogLevel.Information, "Workflow notice to {PersonId} not sent: the review is closed, the person inactive or not in DingTalk")]
    public static partial void NoticeSkipped(this ILogger logger, Guid personId);

    [LoggerMessage(2, LogLevel.Information, "Workflow notice to {PersonId} sent as DingTalk task {TaskId}")]
    public static partial void NoticeSent(this ILogger logger, Guid personId, long taskId);
}
