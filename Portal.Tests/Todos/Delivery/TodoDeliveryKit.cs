using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Integration;
using Portal.Domain.Outbox;
using Portal.Domain.Todos;
using Portal.Tests.Content.Delivery;
using Portal.Web.Features.Todos;
using Portal.Web.Features.Todos.Delivery;

namespace Portal.Tests.Todos.Delivery;

/// <summary>To-dos seeded straight into the database, as the upsert would leave them, with their outbox messages.</summary>
internal static class TodoDeliveryKit
{
    /// <summary>What a to-do's card shows: title, description and form fields (as the API stores them, JSON).</summary>
    public sealed record CardText(string Title, string? Description, string FormFields);

    public const string Actions = """[{"key":"approve","label":"同意"},{"key":"reject","label":"拒绝","requiresComment":true}]""";

    public static Dictionary<string, string?> Settings => new()
    {
        ["Outbox:BatchSize"] = "10",
        ["Outbox:BaseDelaySeconds"] = "2",
        ["Outbox:MaxDelaySeconds"] = "60",
    };

    /// <summary>
    /// A client (with a webhook when given) and one pending to-do for the given people; the assignment and
    /// mirror messages are queued. <paramref name="card"/> gives the to-do's title, description and fields.
    /// </summary>
    public static async Task<(Guid TodoId, Guid ClientId)> SeedAsync(
        DeliveryPortal host, IReadOnlyList<string> assignees, string? webhookUrl = null, string? secret = null, string externalId = "OA-2026-0001", CardText? card = null)
    {
        await using var db = host.Db();
        var client = new IntegrationClient
        {
            Name = "oa-" + Guid.NewGuid().ToString("n")[..8],
            KeyHash = Guid.NewGuid().ToString("n") + Guid.NewGuid().ToString("n"),
            KeyPrefix = "pk_test",
            Scopes = IntegrationClient.TodosWrite,
            WebhookUrl = webhookUrl,
            ProtectedWebhookSecret = secret is null ? null : host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Portal.Web.Features.Integration.WebhookSecrets.Purpose).Protect(secret),
            CreatedAt = host.Now,
        };
        var todo = new Todo
        {
            ClientId = client.Id,
            ExternalId = externalId,
            Title = card?.Title ?? "差旅报销审批：张三 3,280 元",
            Description = card is null ? "上海出差 3 天" : card.Description,
            DueAt = host.Now.AddDays(2),
            Priority = 30,
            FormFields = card?.FormFields ?? """[{"key":"金额","value":"3,280 元"},{"key":"事由","value":"客户拜访"}]""",
            Actions = Actions,
            CreatedAt = host.Now,
            UpdatedAt = host.Now,
        };
        var people = await db.People.Where(p => assignees.Contains(p.UserId)).Select(p => p.Id).ToListAsync();
        Assert.Equal(assignees.Count, people.Count);
        todo.Assignees.AddRange(people.Select(id => new TodoAssignee { TodoId = todo.Id, PersonId = id }));
        db.IntegrationClients.Add(client);
        db.Todos.Add(todo);
        foreach (var person in people)
        {
            TodoOutbox.Assigned(db, todo, person, host.Now);
        }

        TodoOutbox.Mirror(db, todo, host.Now);
        await db.SaveChangesAsync();
        return (todo.Id, client.Id);
    }

    /// <summary>The first assignee decides; the decision message is queued with it, as the decide use case does.</summary>
    public static async Task<Guid> DecideAsync(DeliveryPortal host, Guid todoId, string action, string? comment)
    {
        await using var db = host.Db();
        var todo = await db.Todos.Include(t => t.Assignees).SingleAsync(t => t.Id == todoId);
        var by = todo.Assignees[0].PersonId;
        todo.Decide(by, action, comment, host.Now);
        TodoOutbox.Decision(db, todo, host.Now);
        TodoOutbox.Mirror(db, todo, host.Now);
        await db.SaveChangesAsync();
        return by;
    }

    public static async Task<List<OutboxMessage>> MessagesAsync(DeliveryPortal host, string kind)
    {
        await using var db = host.Db();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    /// <summary>What the simulated DingTalk shows a person among their to-dos.</summary>
    public static async Task<List<JsonElement>> DingTalkTodosAsync(DeliveryPortal host, string userId) =>
        [.. (await host.GetJsonAsync($"_dingtalk/_control/users/{Uri.EscapeDataString(userId)}/todos")).EnumerateArray()];
}
