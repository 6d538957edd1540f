using Microsoft.EntityFrameworkCore;
using Portal.Domain.Todos;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Todos;

/// <summary>A decision is taken once, by an assignee, with one of the offered actions.</summary>
public sealed class DecideTodoTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Ten_concurrent_decisions_record_one_and_queue_one_decision_message(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var ada = world.People["ada"].Id;
        var bo = world.People["bo"].Id;

        // Double taps, two devices and two people at once, each through its own context and connection.
        var attempts = Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            world.Decide.RunAsync(i % 2 == 0 ? ada : bo, world.TodoId, i % 3 == 0 ? "reject" : "approve", "意见 " + i, CancellationToken.None)));
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Outcome == DecideOutcome.Decided);
        Assert.All(results.Where(r => r != winner), r =>
        {
            Assert.Equal(DecideOutcome.AlreadyClosed, r.Outcome);
            Assert.Equal((winner.DecidedBy, winner.DecidedAt, winner.Decision), (r.DecidedBy, r.DecidedAt, r.Decision));
        });
        await using var db = await world.Factory.CreateDbContextAsync();
        var todo = await db.Todos.AsNoTracking().SingleAsync();
        Assert.Equal(TodoStatus.Done, todo.Status);
        Assert.Equal(winner.Decision, todo.Decision);
        Assert.Equal(winner.DecidedBy, todo.DecidedById == ada ? "ADA" : "BO");
        Assert.Equal(world.Now, todo.DecidedAt);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == TodoOutbox.DecisionKind));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == TodoOutbox.MirrorKind));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Someone_not_assigned_gets_not_found_and_nothing_changes(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);

        var outsider = await world.Decide.RunAsync(world.People["cy"].Id, world.TodoId, "approve", null, CancellationToken.None);
        var missing = await world.Decide.RunAsync(world.People["ada"].Id, Guid.NewGuid(), "approve", null, CancellationToken.None);

        Assert.Equal(new DecideResult(DecideOutcome.NotFound), outsider);
        Assert.Equal(new DecideResult(DecideOutcome.NotFound), missing);
        await using var db = await world.Factory.CreateDbContextAsync();
        Assert.Equal(TodoStatus.Pending, (await db.Todos.AsNoTracking().SingleAsync()).Status);
        Assert.False(await db.OutboxMessages.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task An_action_that_requires_a_comment_is_refused_without_one_and_unknown_actions_are_refused(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var ada = world.People["ada"].Id;

        Assert.Equal(DecideOutcome.CommentRequired, (await world.Decide.RunAsync(ada, world.TodoId, "reject", "   ", CancellationToken.None)).Outcome);
        Assert.Equal(DecideOutcome.UnknownAction, (await world.Decide.RunAsync(ada, world.TodoId, "delete", "x", CancellationToken.None)).Outcome);
        Assert.Equal(DecideOutcome.CommentTooLong, (await world.Decide.RunAsync(ada, world.TodoId, "approve", new string('x', 1001), CancellationToken.None)).Outcome);
        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            Assert.Equal(TodoStatus.Pending, (await db.Todos.AsNoTracking().SingleAsync()).Status);
        }

        var decided = await world.Decide.RunAsync(ada, world.TodoId, "reject", " 金额不符 ", CancellationToken.None);
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var replay = await world.Decide.RunAsync(ada, world.TodoId, "reject", " 金额不符 ", CancellationToken.None);

        Assert.Equal(DecideOutcome.Decided, decided.Outcome);
        Assert.Equal(new DecideResult(DecideOutcome.AlreadyClosed, TodoStatus.Done, "reject", "ADA", decided.DecidedAt), replay);
        await using var check = await world.Factory.CreateDbContextAsync();
        var todo = await check.Todos.AsNoTracking().SingleAsync();
        Assert.Equal(("reject", "金额不符", ada), (todo.Decision, todo.DecisionComment, todo.DecidedById));
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Kind == TodoOutbox.DecisionKind));
    }
}
