using Portal.Domain.Todos;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Todos;

/// <summary>A person's lists: only their to-dos, pending by due date, closed latest first.</summary>
public sealed class TodoQueryTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.Both), MemberType = typeof(DatabaseProviders))]
    public async Task Lists_hold_only_the_persons_to_dos_pending_by_due_date_and_closed_latest_first(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var (ada, bo, cy) = (world.People["ada"].Id, world.People["bo"].Id, world.People["cy"].Id);
        Guid later, sooner, undated, others;
        await using (var db = await world.Factory.CreateDbContextAsync())
        {
            later = await TodoSeed.TodoAsync(db, world.ClientId, [ada], world.Now, "later", world.Now.AddDays(3));
            undated = await TodoSeed.TodoAsync(db, world.ClientId, [ada], world.Now, "undated");
            sooner = await TodoSeed.TodoAsync(db, world.ClientId, [ada], world.Now, "sooner", world.Now.AddHours(-2));
            others = await TodoSeed.TodoAsync(db, world.ClientId, [cy], world.Now, "cy's", world.Now.AddHours(-5));
        }

        world.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(DecideOutcome.Decided, (await world.Decide.RunAsync(bo, world.TodoId, "approve", null, CancellationToken.None)).Outcome);

        await using var read = await world.Factory.CreateDbContextAsync();
        var pending = await TodoQueries.ListAsync(read, ada, pending: true, 10, CancellationToken.None);
        var done = await TodoQueries.ListAsync(read, ada, pending: false, 10, CancellationToken.None);
        var detail = await TodoQueries.DetailAsync(read, ada, world.TodoId, CancellationToken.None);

        Assert.Equal([sooner, later, undated], pending.Select(r => r.Id));
        Assert.Equal(3, await TodoQueries.PendingCountAsync(read, ada, CancellationToken.None));
        Assert.Equal([world.TodoId], done.Select(r => r.Id));
        Assert.Equal((TodoStatus.Done, "approve", "同意", "BO", world.Now), (detail!.Status, detail.Decision, detail.DecisionLabel, detail.DecidedBy, detail.DecidedAt));
        Assert.Equal([("金额", "¥1,280.00"), ("事由", "客户拜访差旅")], detail.Fields.Select(f => (f.Key, f.Value)));
        Assert.Equal([("approve", false), ("reject", true)], detail.Actions.Select(a => (a.Key, a.RequiresComment)));
        Assert.Null(await TodoQueries.DetailAsync(read, ada, others, CancellationToken.None));
        Assert.Null(await TodoQueries.DetailAsync(read, cy, world.TodoId, CancellationToken.None));
        Assert.Equal([others], (await TodoQueries.ListAsync(read, cy, pending: true, 10, CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public void Card_json_that_does_not_parse_shows_nothing_rather_than_failing()
    {
        Assert.Empty(TodoCard.Fields("not json"));
        Assert.Empty(TodoCard.Actions("{\"key\":\"approve\"}"));
        Assert.Equal([new TodoAction("ok", "ok", false)], TodoCard.Actions("[{\"key\":\"ok\"},{\"label\":\"no key\"},null]"));
        Assert.Equal([new TodoField("n", "42")], TodoCard.Fields("[{\"key\":\"n\",\"value\":42}]"));
    }
}
