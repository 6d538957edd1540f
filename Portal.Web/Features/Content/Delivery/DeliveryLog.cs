namespace Portal.Web.Features.Content.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(1, LogLevel.Information, "Notification call {CallId} no longer exists; nothing to send")]
    public static partial void CallGone(this ILogger logger, Guid callId);

    [LoggerMessage(2, LogLevel.Information, "Notification call {CallId} accepted as task {TaskId}; {Receipts} receipts recorded")]
    public static partial void CallAccepted(this ILogger logger, Guid callId, long? taskId, int receipts);

    [LoggerMessage(3, LogLevel.Information, "Send result of task {TaskId}: {Read} read, {Forbidden} dropped, {Failed} failed")]
    public static partial void ResultCollected(this ILogger logger, long taskId, int read, int forbidden, int failed);

    [LoggerMessage(5, LogLevel.Warning, "Send result of task {TaskId} is no longer available (more than a day old); not collected")]
    public static partial void ResultExpired(this ILogger logger, long taskId);

    [LoggerMessage(4, LogLevel.Information, "Content schedule: {Published} published, {Expired} expired")]
    public static partial void SchedulePass(this ILogger logger, int published, int expired);
}
