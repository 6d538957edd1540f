using System.Net;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Todo;

namespace Portal.Tests.DingTalk.Simulator;

/// <summary>The typed TodoClient against the simulator over real HTTP (reference §6); every person id is a unionId.</summary>
public sealed class TodoContractTests : IAsyncLifetime
{
    private SimulatorHost host = null!;
    private ControlPerson creator = null!;
    private ControlPerson executor = null!;
    private ControlPerson colleague = null!;

    private TodoClient Client => host.Client<TodoClient>();

    public async Task InitializeAsync()
    {
        host = await InboxTestKit.StartUnpacedAsync();
        var people = await host.ActivePeopleAsync();
        (creator, executor, colleague) = (people[1], people[2], people[3]);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_created_to_do_reads_back_by_id_and_by_source_id()
    {
        var created = await CreateAsync("审批：张三的报销单", "expense-1001");

        Assert.StartsWith("task", created.Id, StringComparison.Ordinal);
        Assert.Equal(("审批：张三的报销单", "expense-1001", creator.UnionId), (created.Subject, created.SourceId, created.CreatorId));
        Assert.Equal([executor.UnionId], created.ExecutorIds);
        Assert.Equal("https://portal.example/expenses/1001", created.DetailUrl?.AppUrl);
        Assert.False(created.Done);
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeMilliseconds(), created.CreatedTime);

        var byId = await Client.GetAsync(creator.UnionId, created.Id, CancellationToken.None);
        var bySource = await Client.GetBySourceIdAsync(creator.UnionId, "expense-1001", CancellationToken.None);
        Assert.Equal((created.Id, created.Subject), (byId.Id, byId.Subject));
        Assert.Equal(created.Id, bySource.Id);
    }

    [Fact]
    public async Task A_second_to_do_with_the_same_source_id_is_refused_as_task_exist()
    {
        await CreateAsync("第一次", "leave-7");

        var duplicate = await Assert.ThrowsAsync<DingTalkException>(() => CreateAsync("第二次", "leave-7"));

        Assert.Equal(("todo.taskCreate.paramError", (int)HttpStatusCode.BadRequest, DingTalkErrorKind.BadRequest), (duplicate.Code, duplicate.HttpStatus, duplicate.Kind));
        Assert.Contains("task exist", duplicate.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-detail-url", "detailUrl is required")]
    [InlineData("long-subject", "subject is oversize")]
    [InlineData("unknown-executor", "invalid unionId")]
    public async Task Invalid_to_dos_are_refused_with_a_param_error(string problem, string message)
    {
        var request = new TodoCreateRequest(problem == "long-subject" ? new string('长', 1025) : "检查")
        {
            ExecutorIds = [problem == "unknown-executor" ? "nobodyUnionId" : executor.UnionId],
            DetailUrl = problem == "no-detail-url" ? null : new TodoDetailUrl("https://portal.example/x", null),
        };

        var refused = await Assert.ThrowsAsync<DingTalkException>(() => Client.CreateAsync(creator.UnionId, request, null, CancellationToken.None));

        Assert.Equal("todo.taskCreate.paramError", refused.Code);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_person_in_the_path_is_a_param_error()
    {
        var refused = await Assert.ThrowsAsync<DingTalkException>(() => Client.QueryAsync("nobodyUnionId", new TodoQuery(), CancellationToken.None));

        Assert.Equal("todo.orgTaskQuery.paramError", refused.Code);
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_and_done_stamps_the_finish_time()
    {
        var created = await CreateAsync("原标题", "update-1");
        host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await Client.UpdateAsync(creator.UnionId, created.Id, new TodoUpdateRequest { Subject = "新标题", Done = true }, colleague.UnionId, CancellationToken.None));

        var updated = await Client.GetAsync(creator.UnionId, created.Id, CancellationToken.None);
        Assert.Equal(("新标题", true, colleague.UnionId), (updated.Subject, updated.Done, updated.ModifierId));
        Assert.Equal([executor.UnionId], updated.ExecutorIds);
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeMilliseconds(), updated.FinishTime);
        var missing = await Assert.ThrowsAsync<DingTalkException>(() => Client.UpdateAsync(creator.UnionId, "task-missing", new TodoUpdateRequest { Done = true }, null, CancellationToken.None));
        Assert.Equal("todo.taskUpdate.paramError", missing.Code);
    }

    [Fact]
    public async Task An_executor_marks_their_own_part_done()
    {
        var created = await CreateAsync("两人执行", "executors-1", [executor.UnionId, colleague.UnionId]);

        Assert.True(await Client.UpdateExecutorStatusAsync(creator.UnionId, created.Id, [new TodoExecutorStatus(executor.UnionId, true)], executor.UnionId, CancellationToken.None));

        Assert.True(Assert.Single((await Client.QueryAsync(executor.UnionId, new TodoQuery(), CancellationToken.None)).TodoCards).IsDone);
        Assert.False(Assert.Single((await Client.QueryAsync(colleague.UnionId, new TodoQuery(), CancellationToken.None)).TodoCards).IsDone);
        Assert.False((await Client.GetAsync(creator.UnionId, created.Id, CancellationToken.None)).Done);
    }

    [Fact]
    public async Task A_deleted_to_do_is_gone()
    {
        var created = await CreateAsync("将被删除", "delete-1");

        Assert.True(await Client.DeleteAsync(creator.UnionId, created.Id, creator.UnionId, CancellationToken.None));

        var gone = await Assert.ThrowsAsync<DingTalkException>(() => Client.GetAsync(creator.UnionId, created.Id, CancellationToken.None));
        Assert.Contains("task not exist", gone.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DingTalkException>(() => Client.GetBySourceIdAsync(creator.UnionId, "delete-1", CancellationToken.None));
        Assert.Empty((await Client.QueryAsync(executor.UnionId, new TodoQuery(), CancellationToken.None)).TodoCards);
    }

    [Fact]
    public async Task The_query_pages_newest_first_with_a_next_token_that_is_null_on_the_last_page()
    {
        for (var number = 1; number <= 17; number++)
        {
            await CreateAsync($"待办{number:D2}", $"page-{number}");
            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await Client.QueryAsync(executor.UnionId, new TodoQuery(), CancellationToken.None);
        var second = await Client.QueryAsync(executor.UnionId, new TodoQuery(NextToken: first.NextToken), CancellationToken.None);

        Assert.Equal(15, first.TodoCards.Count);
        Assert.Equal("待办17", first.TodoCards[0].Subject);
        Assert.NotNull(first.NextToken);
        Assert.Equal(["待办02", "待办01"], second.TodoCards.Select(c => c.Subject));
        Assert.Null(second.NextToken);
        var invalid = await Assert.ThrowsAsync<DingTalkException>(() => Client.QueryAsync(executor.UnionId, new TodoQuery(NextToken: "not-a-token"), CancellationToken.None));
        Assert.Contains("nextToken is invalid", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_filters_by_done_state_and_role()
    {
        var open = await CreateAsync("未完成", "filter-1");
        var finished = await CreateAsync("已完成", "filter-2");
        await Client.UpdateAsync(creator.UnionId, finished.Id, new TodoUpdateRequest { Done = true }, null, CancellationToken.None);

        var undone = await Client.QueryAsync(executor.UnionId, new TodoQuery(IsDone: false), CancellationToken.None);
        var done = await Client.QueryAsync(executor.UnionId, new TodoQuery(IsDone: true), CancellationToken.None);
        var created = await Client.QueryAsync(creator.UnionId, new TodoQuery(RoleTypes: [["creator"]]), CancellationToken.None);
        var executing = await Client.QueryAsync(creator.UnionId, new TodoQuery(RoleTypes: [["executor"]]), CancellationToken.None);

        Assert.Equal([open.Id], undone.TodoCards.Select(c => c.TaskId));
        Assert.Equal([finished.Id], done.TodoCards.Select(c => c.TaskId));
        Assert.Equal(2, created.TodoCards.Count);
        Assert.Empty(executing.TodoCards);
    }

    [Fact]
    public async Task The_control_API_lists_a_persons_to_dos_with_their_roles()
    {
        await CreateAsync("控制台可见", "control-1");

        var todos = await host.GetJsonAsync($"_dingtalk/_control/users/{executor.UserId}/todos");

        var todo = Assert.Single(todos.EnumerateArray());
        Assert.Equal("控制台可见", todo.GetProperty("subject").GetString());
        Assert.Equal(["executor"], todo.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    private Task<TodoTask> CreateAsync(string subject, string sourceId, IReadOnlyList<string>? executors = null) =>
        Client.CreateAsync(
            creator.UnionId,
            new TodoCreateRequest(subject)
            {
                SourceId = sourceId,
                ExecutorIds = executors ?? [executor.UnionId],
                DetailUrl = new TodoDetailUrl("https://portal.example/expenses/1001", "https://portal.example/expenses/1001"),
                Priority = 20,
            },
            null,
            CancellationToken.None);
}
