namespace Portal.Web.Features.Content.Workflow;

/// <summary>A scheduler pass over due items, each in its own unit of work: one item's failure is logged and retried next pass, and the rest go on.</summary>
internal static class ItemPass
{
    /// <returns>How many items <paramref name="act"/> reported done.</returns>
    public static async Task<int> RunAsync(IEnumerable<Guid> ids, Func<Guid, Task<bool>> act, ILogger logger, string what, CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var id in ids)
        {
            try
            {
                done += await act(id) ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(exception, "{What} of {ArticleId} failed; it is tried again on the next pass", what, id);
            }
        }

        return done;
    }
}
