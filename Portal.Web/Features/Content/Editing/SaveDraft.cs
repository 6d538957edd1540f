using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Web.Infrastructure.Html;

namespace Portal.Web.Features.Content.Editing;

/// <summary>
/// Creates a news item or notice, or updates a draft or rejected one, with its audience in the item's
/// own audience row. The body is sanitized here, on the server, whatever the browser sent. A save names
/// the version it started from, so two editors (or two tabs) do not silently overwrite each other.
/// </summary>
public sealed class SaveDraft(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;
    public const int MaxCategoryLength = 50;
    public const int MaxBodyLength = 200_000;
    public const int MaxAudienceRules = 200;

    /// <param name="articleId">Null creates the item.</param>
    /// <param name="expectedVersion">The <see cref="SavedDraft.Version"/> the editor last saw; null skips the check.</param>
    public async Task<SavedDraft> RunAsync(Guid? articleId, Guid by, DraftInput input, DateTime? expectedVersion, CancellationToken cancellationToken)
    {
        var title = Text(input.Title, MaxTitleLength, "title") ?? "";
        var summary = Text(input.Summary, MaxSummaryLength, "summary");
        var category = Text(input.Category, MaxCategoryLength, "category");
        var body = HtmlSanitizer.Sanitize(input.Body);
        if (body.Length > MaxBodyLength)
        {
            throw new EditingException("body-too-long", $"The body may be at most {MaxBodyLength} characters.", "body");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await EditorialAccess.ForAsync(db, by, cancellationToken);
        EditorialAccess.Require(access.CanWrite);
        await CheckAudienceAsync(db, input.Audience, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        Article article;
        Audience audience;
        if (articleId is { } id)
        {
            article = await access.ArticleAsync(db, id, cancellationToken);
            access.RequireOwner(article);
            if (expectedVersion is { } version && article.UpdatedAt != version)
            {
                throw new EditingException("edit-conflict", "The item changed since it was opened; reload it.");
            }

            audience = await OwnAudienceAsync(db, article, cancellationToken);
        }
        else
        {
            audience = new Audience();
            db.Audiences.Add(audience);
            article = new Article(input.Kind, by, title, audience.Id, now);
            db.Articles.Add(article);
        }

        if (article.Title != title || article.Summary != summary || article.Body != body || article.Category != category)
        {
            article.Edit(by, title, summary, body, category, now);
        }

        var notice = article.Kind == ContentKind.Notice;
        article.SetNoticeOptions(notice && input.RequiresAcknowledgement, notice && input.Pinned, input.ExpiresAt);
        article.SetNotify(input.Notify);
        ReplaceRules(db, audience, input.Audience);
        await db.SaveChangesAsync(cancellationToken);
        return new SavedDraft(article.Id, article.UpdatedAt);
    }

    private static string? Text(string? value, int max, string field)
    {
        var trimmed = value?.Trim();
        if (trimmed?.Length > max)
        {
            throw new EditingException(field + "-too-long", $"{field} may be at most {max} characters.", field);
        }

        return string.IsNullOrEmpty(trimmed) && field != "title" ? null : trimmed;
    }

    /// <summary>The item's audience, or a fresh copy when another item shares it (changing it must not retarget that one).</summary>
    private static async Task<Audience> OwnAudienceAsync(PortalDb db, Article article, CancellationToken cancellationToken)
    {
        var audience = await db.Audiences.Include(a => a.Rules).SingleAsync(a => a.Id == article.AudienceId, cancellationToken);
        if (!await db.Articles.AnyAsync(a => a.AudienceId == audience.Id && a.Id != article.Id, cancellationToken))
        {
            return audience;
        }

        var own = new Audience();
        db.Audiences.Add(own);
        article.SetAudience(own.Id);
        return own;
    }

    private static void ReplaceRules(PortalDb db, Audience audience, AudienceInput input)
    {
        var wanted = input.ToRules().Select(AudienceRuleInput.From).Distinct().ToList();
        var current = audience.Rules.Select(AudienceRuleInput.From).ToList();
        audience.Everyone = input.Everyone;
        if (current.Count == wanted.Count && current.ToHashSet().SetEquals(wanted))
        {
            return;
        }

        db.AudienceRules.RemoveRange(audience.Rules);
        audience.Rules.Clear();
        var rules = wanted.Select(r => r.ToRule()).ToList();
        audience.Rules.AddRange(rules);

        // A rule makes its id when it is made, and EF takes an entity with a key that it finds through a
        // navigation for an existing row: it would update rows that are not there and insert nothing.
        db.AudienceRules.AddRange(rules);
    }

    private static async Task CheckAudienceAsync(PortalDb db, AudienceInput audience, CancellationToken cancellationToken)
    {
        if (audience.Rules.Count > MaxAudienceRules)
        {
            throw new EditingException("audience-too-many-rules", $"An audience has at most {MaxAudienceRules} rules.", "audience");
        }

        var departments = audience.Rules.Where(r => r.Kind == AudienceRuleKind.Department).Select(r => r.DepartmentId ?? -1).Distinct().ToList();
        var roles = audience.Rules.Where(r => r.Kind == AudienceRuleKind.Role).Select(r => r.RoleId ?? Guid.Empty).Distinct().ToList();
        var people = audience.Rules.Where(r => r.Kind == AudienceRuleKind.Person).Select(r => r.PersonId ?? Guid.Empty).Distinct().ToList();
        if (await db.Departments.CountAsync(d => departments.Contains(d.Id), cancellationToken) != departments.Count)
        {
            throw new EditingException("audience-unknown-department", "The audience names a department that does not exist.", "audience");
        }

        if (await db.Roles.CountAsync(r => roles.Contains(r.Id), cancellationToken) != roles.Count)
        {
            throw new EditingException("audience-unknown-role", "The audience names a role that does not exist.", "audience");
        }

        if (await db.People.CountAsync(p => people.Contains(p.Id), cancellationToken) != people.Count)
        {
            throw new EditingException("audience-unknown-person", "The audience names a person who does not exist.", "audience");
        }
    }
}
