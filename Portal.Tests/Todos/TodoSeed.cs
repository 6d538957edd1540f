using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Domain.Todos;

namespace Portal.Tests.Todos;

/// <summary>To-dos written straight into the database, as the integration API would have stored them.</summary>
public static class TodoSeed
{
    public const string Actions = """[{"key":"approve","label":"同意"},{"key":"reject","label":"拒绝","requiresComment":true}]""";

    public const string Fields = """[{"key":"金额","value":"¥1,280.00"},{"key":"事由","value":"客户拜访差旅"}]""";

    public static async Task<Guid> ClientAsync(PortalDb db, DateTime now)
    {
        var client = new IntegrationClient { Name = "oa-" + Guid.NewGuid().ToString("n")[..6], KeyHash = IntegrationClient.Hash(Guid.NewGuid().ToString()), KeyPrefix = "pk_test", Scopes = IntegrationClient.TodosWrite, CreatedAt = now };
        db.IntegrationClients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    }

    public static async Task<Guid> TodoAsync(
        PortalDb db, Guid clientId, IEnumerable<Guid> assignees, DateTime now, string title = "差旅报销审批", DateTime? dueAt = null, string? detailUrl = "https://oa.example.com/flow/1")
    {
        var todo = new Todo
        {
            ClientId = clientId,
            ExternalId = "flow-" + Guid.NewGuid().ToString("n"),
            Title = title,
            Description = "张三提交的差旅报销",
            DueAt = dueAt,
            Priority = 30,
            DetailUrlMobile = detailUrl,
            FormFields = Fields,
            Actions = Actions,
            CreatedAt = now,
            UpdatedAt = now,
        };
        todo.Assignees.AddRange(assignees.Select(p => new TodoAssignee { TodoId = todo.Id, PersonId = p }));
        db.Todos.Add(todo);
        await db.SaveChangesAsync();
        return todo.Id;
    }

    public static async Task<Guid> PersonIdAsync(PortalDb db, string userId) =>
        await db.People.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
}
