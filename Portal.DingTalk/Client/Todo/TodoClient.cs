using Portal.DingTalk.Client.Http;

namespace Portal.DingTalk.Client.Todo;

/// <summary>
/// To-do (待办) v1.0 (reference §6). <c>unionId</c> in a path is the owner/operator (the creator on
/// create); <c>operatorId</c> optionally names the acting user. To-do calls count toward the monthly quota.
/// </summary>
public sealed class TodoClient
{
    private readonly AppTokenHttp http;

    internal TodoClient(AppTokenHttp http) => this.http = http;

    public Task<TodoTask> CreateAsync(string unionId, TodoCreateRequest request, string? operatorId, CancellationToken cancellationToken) =>
        http.SendAsync<TodoTask>(Call(DingTalkApiNames.TodoCreate, HttpMethod.Post, TasksPath(unionId), operatorId, request), cancellationToken);

    public async Task<bool> UpdateAsync(string unionId, string taskId, TodoUpdateRequest request, string? operatorId, CancellationToken cancellationToken) =>
        (await http.SendAsync<TodoResult>(Call(DingTalkApiNames.TodoUpdate, HttpMethod.Put, TaskPath(unionId, taskId), operatorId, request), cancellationToken)).Result;

    public async Task<bool> UpdateExecutorStatusAsync(
        string unionId, string taskId, IReadOnlyList<TodoExecutorStatus> statuses, string? operatorId, CancellationToken cancellationToken) =>
        (await http.SendAsync<TodoResult>(
            Call(DingTalkApiNames.TodoExecutorStatus, HttpMethod.Put, TaskPath(unionId, taskId) + "/executorStatus", operatorId, new ExecutorStatusBody(statuses)),
            cancellationToken)).Result;

    public async Task<bool> DeleteAsync(string unionId, string taskId, string? operatorId, CancellationToken cancellationToken) =>
        (await http.SendAsync<TodoResult>(Call(DingTalkApiNames.TodoDelete, HttpMethod.Delete, TaskPath(unionId, taskId), operatorId, null), cancellationToken)).Result;

    public Task<TodoTask> GetAsync(string unionId, string taskId, CancellationToken cancellationToken) =>
        http.SendAsync<TodoTask>(Call(DingTalkApiNames.TodoGet, HttpMethod.Get, TaskPath(unionId, taskId), null, null), cancellationToken);

    /// <summary>The to-do created with our <paramref name="sourceId"/>.</summary>
    public Task<TodoTask> GetBySourceIdAsync(string unionId, string sourceId, CancellationToken cancellationToken) =>
        http.SendAsync<TodoTask>(
            Call(DingTalkApiNames.TodoGetBySource, HttpMethod.Get, TasksPath(unionId) + "/sources/" + DingTalkCall.Segment(sourceId), null, null),
            cancellationToken);

    /// <summary>One page of the user's organisation to-dos; pass the previous page's next token to continue.</summary>
    public Task<TodoPage> QueryAsync(string unionId, TodoQuery query, CancellationToken cancellationToken) =>
        http.SendAsync<TodoPage>(
            Call(DingTalkApiNames.TodoQuery, HttpMethod.Post, "/v1.0/todo/users/" + DingTalkCall.Segment(unionId) + "/org/tasks/query", null, query),
            cancellationToken);

    private static string TasksPath(string unionId) => "/v1.0/todo/users/" + DingTalkCall.Segment(unionId) + "/tasks";

    private static string TaskPath(string unionId, string taskId) => TasksPath(unionId) + "/" + DingTalkCall.Segment(taskId);

    private static DingTalkCall Call(string api, HttpMethod method, string path, string? operatorId, object? body) =>
        new(api, DingTalkHost.Api, method, path)
        {
            Body = body,
            Query = operatorId is null ? [] : [new("operatorId", operatorId)],
        };

    private sealed record ExecutorStatusBody(IReadOnlyList<TodoExecutorStatus> ExecutorStatusList);

    private sealed record TodoResult(bool Result);
}
