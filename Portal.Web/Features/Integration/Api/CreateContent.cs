using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Web.Features.Content.Delivery;
using Portal.Web.Features.Content.Workflow;

namespace Portal.Web.Features.Integration.Api;

/// <summary>The created or replayed item, or the problem that stopped it.</summary>
public sealed record CreateOutcome(ContentCreated? Item, bool Replayed, ProblemHttpResult? Problem)
{
    public static CreateOutcome Refused(ProblemHttpResult problem) => new(null, false, problem);
}

/// <summary>
/// An OA system's item: with the publish scope and <c>publish</c> it is approved at the source and
/// published (now or at <c>publishAt</c>) through the portal's own publish step; otherwise it is
/// submitted into the portal's approval queue. Nothing is written unless the whole request is valid,
/// and a retry with the same Idempotency-Key returns the first item instead of making a second.
/// </summary>
public sealed class CreateContent(IDbContextFactory<PortalDb> dbFactory, PublishArticle publisher, SendPlanner planner, ContentLinks links, WorkflowEffects effects, TimeProvider time)
{
    public async Task<CreateOutcome> RunAsync(IntegrationCaller caller, byte[] body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(body));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (idempotencyKey is not null && await ReplayAsync(db, caller, idempotencyKey, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new RequestErrors();
        var request = ContentRequestReader.Read(body, now, errors);
        var audience = request is null ? null : await ApiAudience.ResolveAsync(db, request.Audience, errors, cancellationToken);
        if (request is null || audience is null)
        {
            return CreateOutcome.Refused(errors.ToProblem());
        }

        var direct = request.Publish && caller.CanPublish;
        if (direct && request.Notify && await planner.ForAudienceAsync(db, audience, cancellationToken) is { Verdict: SendVerdict.Refuse } plan)
        {
            return CreateOutcome.Refused(ApiProblems.SendRefused(
                $"The push needs {plan.CallCount} DingTalk calls; {plan.QuotaLeft} are left this month and one push may use only so many. Send it without notify, or to a smaller audience."));
        }

        var article = Build(caller, request, audience, direct, now);
        db.Audiences.Add(audience);
        db.Articles.Add(article);
        if (!direct)
        {
            await effects.SubmittedAsync(db, article, caller.Id, now, cancellationToken);
        }

        if (idempotencyKey is not null)
        {
            db.IntegrationRequests.Add(new IntegrationRequest { ClientId = caller.Id, IdempotencyKey = idempotencyKey, RequestHash = requestHash, ArticleId = article.Id, CreatedAt = now });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent retry with the same key committed first: answer with its item.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await ReplayAsync(fresh, caller, idempotencyKey, requestHash, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }

        return direct ? await PublishAsync(caller, article, audience, request.PublishAt, cancellationToken) : Created(article.Id, article.Status, null, false);
    }

    private static Article Build(IntegrationCaller caller, ContentRequest request, Audience audience, bool direct, DateTime now)
    {
        var article = Article.FromSource(request.Kind, caller.Id, request.Title, audience.Id, now);
        article.Edit(caller.Id, request.Title, request.Summary, request.Body, null, now);
        article.SetNotify(request.Notify);
        if (request.Kind == ContentKind.Notice)
        {
            article.SetNoticeOptions(request.RequireAcknowledgement, pinned: false, expiresAt: null);
        }

        article.Submit(caller.Id, now);
        if (direct)
        {
            article.ApproveAtSource(caller.Id, now);
        }

        return article;
    }

    private async Task<CreateOutcome> PublishAsync(IntegrationCaller caller, Article article, Audience audience, DateTime? publishAt, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await publisher.RunAsync(article.Id, caller.Id, publishAt, confirmed: true, cancellationToken);
            return Created(article.Id, outcome.Status, outcome.Status == ContentStatus.Approved ? publishAt : null, false);
        }
        catch (ContentWorkflowException exception) when (exception.Code == "send-refused")
        {
            // The quota was used up between the check and the publish: take the item back, so a
            // refused request leaves nothing behind, as the check would have.
            await UndoAsync(article.Id, audience.Id, cancellationToken);
            return CreateOutcome.Refused(ApiProblems.SendRefused(exception.Message));
        }
    }

    private async Task UndoAsync(Guid articleId, Guid audienceId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.IntegrationRequests.RemoveRange(await db.IntegrationRequests.Where(r => r.ArticleId == articleId).ToListAsync(cancellationToken));
        db.Articles.RemoveRange(await db.Articles.Include(a => a.History).Where(a => a.Id == articleId).ToListAsync(cancellationToken));
        db.Audiences.RemoveRange(await db.Audiences.Include(a => a.Rules).Where(a => a.Id == audienceId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<CreateOutcome?> ReplayAsync(PortalDb db, IntegrationCaller caller, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var earlier = await db.IntegrationRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ClientId == caller.Id && r.IdempotencyKey == idempotencyKey, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.RequestHash != requestHash)
        {
            return CreateOutcome.Refused(ApiProblems.KeyReused());
        }

        var item = await db.Articles.AsNoTracking().Where(a => a.Id == earlier.ArticleId)
            .Select(a => new { a.Status, a.PublishAt }).SingleAsync(cancellationToken);
        return Created(earlier.ArticleId, item.Status, item.PublishAt, replayed: true);
    }

    private CreateOutcome Created(Guid id, ContentStatus status, DateTime? publishAt, bool replayed) =>
        new(new ContentCreated(id, ApiStatus.Of(status, publishAt), links.Item(id)), replayed, null);
}
