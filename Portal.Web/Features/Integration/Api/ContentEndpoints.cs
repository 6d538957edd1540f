using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Infrastructure.Http;

namespace Portal.Web.Features.Integration.Api;

/// <summary>
/// <c>POST /api/v1/content</c> creates a news item or notice for an OA system; <c>GET
/// /api/v1/content/{id}</c> tells that system where its item stands. Both need a key with content:write.
/// </summary>
public static class ContentEndpoints
{
    public const string Path = "/api/v1/content";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static async Task<Results<Created<ContentCreated>, ProblemHttpResult>> CreateAsync(
        HttpContext context, CreateContent create, IOptionsMonitor<IntegrationOptions> options)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return ApiProblems.NotJson();
        }

        var limit = options.CurrentValue.MaxBodyBytes;
        var body = await RequestBody.ReadAsync(request, limit, context.RequestAborted);
        if (body is null)
        {
            return ApiProblems.TooLarge(limit);
        }

        string? key = null;
        if (request.Headers.TryGetValue(IdempotencyHeader, out var keys))
        {
            key = keys.Count == 1 ? keys[0] : null;
            if (!IsValidKey(key))
            {
                return ApiProblems.BadIdempotencyKey();
            }
        }

        var outcome = await create.RunAsync(IntegrationCaller.From(context.User), body, key, context.RequestAborted);
        if (outcome.Problem is { } problem)
        {
            return problem;
        }

        var item = outcome.Item!;
        if (outcome.Replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        return TypedResults.Created($"{Path}/{item.Id:D}", item);
    }

    public static async Task<Results<Ok<ContentCreated>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, IDbContextFactory<PortalDb> dbFactory, ContentLinks links)
    {
        var caller = IntegrationCaller.From(context.User);
        if (!Guid.TryParse(id, out var articleId))
        {
            return ApiProblems.NotFound();
        }

        await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
        var item = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.SourceClientId == caller.Id)
            .Select(a => new { a.Status, a.PublishAt })
            .SingleOrDefaultAsync(context.RequestAborted);
        return item is null
            ? ApiProblems.NotFound()
            : TypedResults.Ok(new ContentCreated(articleId, ApiStatus.Of(item.Status, item.PublishAt), links.Item(articleId)));
    }

    private static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= IntegrationRequest.MaxKeyLength } && key.All(c => c is > ' ' and <= '~');
}
