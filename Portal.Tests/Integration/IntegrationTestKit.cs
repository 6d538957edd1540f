using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Integration.Keys;

namespace Portal.Tests.Integration;

/// <summary>A small directory, integration keys, and calls to the content API as an OA system makes them.</summary>
public static class IntegrationTestKit
{
    public const long Company = 9000;
    public const long Sales = 9010;
    public const long SalesNorth = 9011;
    public const long Support = 9020;

    /// <summary>Company → Sales → Sales North, Company → Support; one person in each of the three, and one who left.</summary>
    public static async Task SeedDirectoryAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        TestDirectory.AddDepartments(db, (Company, "公司", null), (Sales, "销售部", Company), (SalesNorth, "北区", Sales), (Support, "客服部", Company));
        foreach (var (userId, department, active) in new[] { ("it-sales", Sales, true), ("it-north", SalesNorth, true), ("it-support", Support, true), ("it-left", Support, false) })
        {
            TestDirectory.AddPerson(db, userId, default, department, name: userId, active: active);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A client with the given scopes, stored as the admin page stores one; returns its key.</summary>
    public static async Task<string> IssueKeyAsync(IServiceProvider services, string name, params string[] scopes)
    {
        var key = IntegrationKeys.Generate();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        db.IntegrationClients.Add(new IntegrationClient
        {
            Name = name,
            KeyHash = IntegrationClient.Hash(key),
            KeyPrefix = IntegrationKeys.ShownPrefix(key),
            Scopes = string.Join(' ', scopes),
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public static JsonObject News(object? audience = null) => new()
    {
        ["kind"] = "news",
        ["title"] = "新版报销流程上线",
        ["summary"] = "OA 审批通过的新闻",
        ["body"] = "<p>自下周一起，报销单在 OA 中提交。</p>",
        ["audience"] = JsonSerializer.SerializeToNode(audience ?? new { everyone = true }),
        ["publish"] = true,
        ["notify"] = true,
    };

    public static async Task<ApiAnswer> PostAsync(HttpClient http, string? key, string body, string? idempotencyKey = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/content") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await ApiAnswer.FromAsync(await http.SendAsync(request));
    }

    public static Task<ApiAnswer> PostAsync(HttpClient http, string? key, JsonNode body, string? idempotencyKey = null) =>
        PostAsync(http, key, body.ToJsonString(), idempotencyKey);

    public static async Task<ApiAnswer> GetAsync(HttpClient http, string? key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await ApiAnswer.FromAsync(await http.SendAsync(request));
    }

    /// <summary>Row counts of everything a content request could write.</summary>
    public static async Task<string> FootprintAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return string.Join(
            ' ',
            await db.Articles.CountAsync(),
            await db.ArticleHistory.CountAsync(),
            await db.Audiences.CountAsync(),
            await db.AudienceRules.CountAsync(),
            await db.IntegrationRequests.CountAsync(),
            await db.NotificationDispatches.CountAsync(),
            await db.OutboxMessages.CountAsync());
    }
}

/// <summary>An answer of the API: status, headers and the JSON body (problem or item).</summary>
public sealed record ApiAnswer(int Status, HttpResponseMessage Response, JsonElement Json, string? MediaType)
{
    public string? Code => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("code", out var code) ? code.GetString() : null;

    public string? Field => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("field", out var named) ? named.GetString() : null;

    public Guid Id => Json.GetProperty("id").GetGuid();

    public string? ItemStatus => Json.GetProperty("status").GetString();

    public static async Task<ApiAnswer> FromAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new ApiAnswer((int)response.StatusCode, response, json, response.Content.Headers.ContentType?.MediaType);
    }

    public override string ToString() => $"{Status} {Json}";
}
