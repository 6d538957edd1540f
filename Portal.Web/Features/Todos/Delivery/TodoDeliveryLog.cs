namespace Portal.Web.Features.Todos.Delivery;

internal static partial class TodoDeliveryLog
{
    [LoggerMessage(1, LogLevel.Information, "To-do {TodoId}: assignment of {PersonId} not announced (to-do closed or gone, or person inactive)")]
    public static partial void AssignmentSkipped(this ILogger logger, Guid todoId, Guid personId);

    [LoggerMessage(2, LogLevel.Information, "To-do {TodoId} announced to {PersonId} as DingTalk task {TaskId}")]
    public static partial void AssignmentSent(this ILogger logger, Guid todoId, Guid personId, long taskId);

    [LoggerMessage(3, LogLevel.Information, "To-do {TodoId} not mirrored: no assignee has a DingTalk unionId")]
    public static partial void MirrorWithoutExecutors(this ILogger logger, Guid todoId);

    [LoggerMessage(4, LogLevel.Information, "Decision on to-do {TodoId} posted to the webhook of {Client} ({Status})")]
    public static partial void DecisionPosted(this ILogger logger, Guid todoId, string client, int status);
}
