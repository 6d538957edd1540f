using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Domain.People;

namespace Portal.Tests.Integration.Todos;

/// <summary>People to assign, a to-do body as an OA system sends it, and calls to the to-do API.</summary>
public static class TodoTestKit
{
    /// <summary>td-1…td-<paramref name="count"/> with mobiles 1390000000n and job numbers J000n; and td-left, who left.</summary>
    public static async Task SeedPeopleAsync(IServiceProvider services, int count = 3)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        for (var i = 1; i <= count; i++)
        {
            db.People.Add(new Person($"td-{i}", $"待办人{i}") { Mobile = $"139{i:D8}", JobNumber = $"J{i:D4}" });
        }

        db.People.Add(new Person("td-left", "已离职") { Mobile = "13800000000", JobNumber = "J9999", Active = false });
        await db.SaveChangesAsync();
    }

    public static Task<string> IssueTodoKeyAsync(IServiceProvider services, string name) =>
        IntegrationTestKit.IssueKeyAsync(services, name, IntegrationClient.TodosWrite);

    public static JsonObject Todo(params object[] assignees) => new()
    {
        ["title"] = "采购申请 PO-2026-118",
        ["description"] = "办公电脑 3 台",
        ["assignees"] = new JsonArray([.. (assignees.Length == 0 ? [new { userId = "td-1" }] : assignees).Select(a => System.Text.Json.JsonSerializer.SerializeToNode(a))]),
        ["due"] = "2026-11-30T18:00:00+08:00",
        ["priority"] = 30,
        ["detailUrl"] = new JsonObject { ["mobile"] = "https://oa.example.com/m/po/118", ["pc"] = "https://oa.example.com/po/118" },
        ["formFields"] = new JsonArray(new JsonObject { ["key"] = "金额", ["value"] = "¥21,000" }),
        ["actions"] = new JsonArray(
            new JsonObject { ["key"] = "approve", ["label"] = "同意" },
            new JsonObject { ["key"] = "reject", ["label"] = "拒绝", ["requiresComment"] = true }),
    };

    public static Task<ApiAnswer> PutAsync(HttpClient http, string? key, string externalId, JsonNode body) =>
        SendAsync(http, key, HttpMethod.Put, "api/v1/todos/" + Uri.EscapeDataString(externalId), body.ToJsonString());

    public static Task<ApiAnswer> BatchAsync(HttpClient http, string? key, JsonNode body) =>
        SendAsync(http, key, HttpMethod.Post, "api/v1/todos/batch", body.ToJsonString());

    public static Task<ApiAnswer> GetAsync(HttpClient http, string? key, string externalId) =>
        SendAsync(http, key, HttpMethod.Get, "api/v1/todos/" + Uri.EscapeDataString(externalId), null);

    public static Task<ApiAnswer> DeleteAsync(HttpClient http, string? key, string externalId) =>
        SendAsync(http, key, HttpMethod.Delete, "api/v1/todos/" + Uri.EscapeDataString(externalId), null);

    public static async Task<ApiAnswer> SendAsync(HttpClient http, string? key, HttpMethod method, string path, string? body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await ApiAnswer.FromAsync(await http.SendAsync(request));
    }

    /// <summary>To-dos, assignees and outbox rows by kind: what an upsert writes.</summary>
    public static async Task<string> FootprintAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var kinds = await db.OutboxMessages.GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return $"todos={await db.Todos.CountAsync()} assignees={await db.TodoAssignees.CountAsync()} "
            + string.Join(' ', kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Count}"));
    }
}
