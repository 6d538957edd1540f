using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Todos;

/// <summary>The OpenAPI document describes the integration routes with their bodies; the reference page needs no outside script.</summary>
public sealed class OpenApiTests : PortalTest
{
    [Fact]
    public async Task The_document_is_public_and_describes_the_todo_and_content_routes_with_schemas()
    {
        using var response = await Portal.Http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        using var document = JsonDocument.Parse(text);
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal(
            ["/api/v1/content", "/api/v1/content/{id}", "/api/v1/todos/batch", "/api/v1/todos/{externalId}"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var put = paths.GetProperty("/api/v1/todos/{externalId}").GetProperty("put");
        Assert.Equal("#/components/schemas/TodoBody", put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(put.GetProperty("responses").TryGetProperty("201", out var created), text);
        Assert.Contains("TodoView", created.ToString(), StringComparison.Ordinal);
        Assert.True(put.GetProperty("responses").TryGetProperty("409", out _));
        foreach (var method in new[] { "get", "delete" })
        {
            Assert.True(paths.GetProperty("/api/v1/todos/{externalId}").TryGetProperty(method, out _), method);
        }

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "TodoBody", "TodoBatchBody", "TodoBatchResult", "TodoView", "TodoDecisionView", "ContentBody", "ContentCreated" })
        {
            Assert.True(schemas.TryGetProperty(name, out _), name);
        }

        var todoBody = schemas.GetProperty("TodoBody").GetProperty("properties");
        Assert.Contains("jobNumber", todoBody.GetProperty("assignees").ToString(), StringComparison.Ordinal);
        Assert.Contains("requiresComment", todoBody.GetProperty("actions").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/admin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_page_renders_the_document_from_the_portal_alone()
    {
        var html = await Portal.Http.GetStringAsync(new Uri("/api/docs", UriKind.Relative));

        Assert.Contains("fetch(\"/openapi/v1.json\")", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }
}
