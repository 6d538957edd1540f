using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Todo;
using Portal.Domain.Data;
using Portal.Domain.Outbox;
using Portal.Domain.Todos;
using Portal.Web.Features.Outbox;
using Portal.Web.Infrastructure.DingTalk;

namespace Portal.Web.Features.Todos.Delivery;

/// <summary>
/// Brings the to-do's mirror in its assignees' DingTalk to-dos up to date: created once, with our id as
/// <c>sourceId</c>, then updated (done when the to-do is done or cancelled). Every message reads the
/// to-do as it is now, so a late or repeated one only repeats the latest state.
/// </summary>
/// <remarks>
/// DingTalk keeps one to-do per sourceId, so a create repeated after a crash (or raced by a second
/// message) is refused with "task exist" and the existing one is looked up instead: the mirror exists once.
/// The path's user is the first assignee by unionId: the portal itself has no DingTalk identity.
/// </remarks>
public sealed class TodoMirror(
    IDbContextFactory<PortalDb> dbFactory,
    TodoClient todos,
    TodoLinks links,
    ILogger<TodoMirror> logger) : IOutboxHandler
{
    public string Kind => TodoOutbox.MirrorKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = TodoOutboxPayload.Read<TodoOutbox.TodoPayload>(message);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var todo = await db.Todos.SingleOrDefaultAsync(t => t.Id == payload.TodoId, cancellationToken);
        if (todo is null)
        {
            return;
        }

        var executors = await (from assignee in db.TodoAssignees
                               where assignee.TodoId == todo.Id
                               join person in db.People on assignee.PersonId equals person.Id
                               where person.UnionId != null
                               orderby person.UnionId
                               select person.UnionId!).ToListAsync(cancellationToken);
        if (executors.Count == 0)
        {
            logger.MirrorWithoutExecutors(todo.Id);
            return;
        }

        var owner = executors[0];
        var seen = todo.UpdatedAt;
        if (todo.DingTalkTaskId is null)
        {
            var (taskId, created) = await CreateOnceAsync(todo, owner, executors, cancellationToken);
            todo.DingTalkTaskId = taskId;
            await db.SaveChangesAsync(CancellationToken.None);
            if (created && todo.Status == TodoStatus.Pending)
            {
                await EnsureLatestAsync(db, todo.Id, seen, cancellationToken);
                return;
            }
        }

        await DingTalkRefusals.CallAsync(() => todos.UpdateAsync(owner, todo.DingTalkTaskId, Update(todo, executors), null, cancellationToken));
        await EnsureLatestAsync(db, todo.Id, seen, cancellationToken);
    }

    /// <summary>
    /// Messages of one to-do may be handled side by side: one that read an older state could land its
    /// write after a newer one. Failing it when the to-do changed meanwhile makes the relay send again,
    /// and the retry writes the latest state.
    /// </summary>
    private static async Task EnsureLatestAsync(PortalDb db, Guid todoId, DateTime seen, CancellationToken cancellationToken)
    {
        var now = await db.Todos.AsNoTracking().Where(t => t.Id == todoId).Select(t => t.UpdatedAt).SingleOrDefaultAsync(cancellationToken);
        if (now != seen)
        {
            throw new InvalidOperationException($"To-do {todoId} changed while it was mirrored; mirroring again.");
        }
    }

    private async Task<(string TaskId, bool Created)> CreateOnceAsync(Todo todo, string owner, List<string> executors, CancellationToken cancellationToken)
    {
        var detail = links.Detail(todo.Id);
        var request = new TodoCreateRequest(todo.Title)
        {
            Description = todo.Description,
            SourceId = SourceId(todo),
            CreatorId = owner,
            DueTime = DueTime(todo),
            ExecutorIds = executors,
            DetailUrl = new TodoDetailUrl(MessageText.InDingTalk(detail), MessageText.InDingTalk(detail)),
            IsOnlyShowExecutor = true,
            Priority = todo.Priority is 10 or 20 or 30 or 40 ? todo.Priority : null,
        };
        try
        {
            var created = await DingTalkRefusals.CallAsync(() => todos.CreateAsync(owner, request, null, cancellationToken));
            return (created.Id, true);
        }
        catch (PermanentDeliveryException refused) when (refused.InnerException is DingTalkException error && IsTaskExist(error))
        {
            var existing = await DingTalkRefusals.CallAsync(() => todos.GetBySourceIdAsync(owner, SourceId(todo), cancellationToken));
            return (existing.Id, false);
        }
    }

    private static TodoUpdateRequest Update(Todo todo, List<string> executors) => new()
    {
        Subject = todo.Title,
        Description = todo.Description,
        DueTime = DueTime(todo),
        Done = todo.Status != TodoStatus.Pending,
        ExecutorIds = executors,
    };

    private static string SourceId(Todo todo) => todo.Id.ToString("D");

    private static long? DueTime(Todo todo) =>
        todo.DueAt is { } due ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)).ToUnixTimeMilliseconds() : null;

    private static bool IsTaskExist(DingTalkException error) =>
        error.Code.EndsWith(".paramError", StringComparison.Ordinal) && error.Message.Contains("task exist", StringComparison.OrdinalIgnoreCase);
}
