using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing;

public sealed record ArticleRow(Guid Id, ContentKind Kind, string Title, ContentStatus Status, DateTime UpdatedAt, DateTime? PublishAt, bool IsRevision, string AuthorName);

public sealed record FileRow(Guid Id, ContentFilePurpose Purpose, string FileName, string ContentType, long Length);

public sealed record HistoryRow(string Action, string? Detail, string? ActorName, DateTime At);

/// <summary>A rule with the name of what it points at, as the audience editor shows it.</summary>
public sealed record RuleView(AudienceRuleInput Rule, string Label);

/// <summary>An item as the editor page shows it.</summary>
public sealed record EditorItem(
    Guid Id, ContentKind Kind, ContentStatus Status, string Title, string? Summary, string Body, string? Category,
    bool RequiresAcknowledgement, bool Pinned, DateTime? ExpiresAt, bool Notify, Guid? CoverImageId, Guid AuthorId, string AuthorName,
    string? RejectionComment, DateTime? PublishAt, DateTime? PublishedAt, DateTime UpdatedAt, Guid? RevisionOfId, bool Everyone, IReadOnlyList<RuleView> Rules);

/// <summary>What the editor pages read.</summary>
public static class EditorQueries
{
    private const int ListSize = 100;

    public static Task<List<ArticleRow>> MineAsync(PortalDb db, Guid personId, CancellationToken cancellationToken) =>
        Rows(db, db.Articles.Where(a => a.AuthorId == personId && a.Status != ContentStatus.Archived && a.Status != ContentStatus.Deleted), cancellationToken);

    /// <summary>Submitted items of other authors, and approved ones still waiting to go live.</summary>
    public static Task<List<ArticleRow>> ReviewQueueAsync(PortalDb db, Guid personId, CancellationToken cancellationToken) =>
        Rows(db, db.Articles.Where(a => (a.Status == ContentStatus.Submitted && a.AuthorId != personId) || (a.Status == ContentStatus.Approved && a.PublishAt == null)), cancellationToken);

    public static async Task<EditorItem?> ItemAsync(PortalDb db, Guid id, CancellationToken cancellationToken)
    {
        var a = await db.Articles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null)
        {
            return null;
        }

        // An item an OA system sent is authored by its integration client.
        var author = await db.People.AsNoTracking().Where(p => p.Id == a.AuthorId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            ?? await db.IntegrationClients.AsNoTracking().Where(c => c.Id == a.SourceClientId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        var audience = await db.Audiences.AsNoTracking().Include(x => x.Rules).SingleAsync(x => x.Id == a.AudienceId, cancellationToken);
        return new EditorItem(
            a.Id, a.Kind, a.Status, a.Title, a.Summary, a.Body, a.Category, a.RequiresAcknowledgement, a.Pinned, a.ExpiresAt, a.Notify, a.CoverImageId,
            a.AuthorId, author ?? "?", a.RejectionComment, a.PublishAt, a.PublishedAt, a.UpdatedAt, a.RevisionOfId, audience.Everyone,
            await LabelAsync(db, audience.Rules, cancellationToken));
    }

    public static Task<List<FileRow>> FilesAsync(PortalDb db, Guid articleId, CancellationToken cancellationToken) =>
        db.ContentFiles.AsNoTracking().Where(f => f.ArticleId == articleId).OrderBy(f => f.UploadedAt).ThenBy(f => f.Id)
            .Select(f => new FileRow(f.Id, f.Purpose, f.FileName, f.ContentType, f.Length)).ToListAsync(cancellationToken);

    /// <summary>The item's history, and for a revision the history of the item it revises.</summary>
    public static Task<List<HistoryRow>> HistoryAsync(PortalDb db, Guid articleId, Guid? revisionOf, CancellationToken cancellationToken) =>
        (from h in db.ArticleHistory.AsNoTracking()
         where h.ArticleId == articleId || h.ArticleId == revisionOf
         join p in db.People on h.ActorId equals p.Id into actors
         from actor in actors.DefaultIfEmpty()
         orderby h.At descending, h.Id descending
         select new HistoryRow(h.Action, h.Detail, actor == null ? null : actor.Name, h.At)).Take(200).ToListAsync(cancellationToken);

    /// <summary>An open revision of a published item, if one is under way.</summary>
    public static Task<Guid?> OpenRevisionAsync(PortalDb db, Guid articleId, CancellationToken cancellationToken) =>
        db.Articles.Where(a => a.RevisionOfId == articleId && a.Status != ContentStatus.Archived && a.Status != ContentStatus.Deleted).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);

    public static async Task<List<RuleView>> LabelAsync(PortalDb db, IEnumerable<AudienceRule> rules, CancellationToken cancellationToken)
    {
        var list = rules.Select(AudienceRuleInput.From).ToList();
        var departmentIds = list.Select(r => r.DepartmentId).OfType<long>().ToList();
        var roleIds = list.Select(r => r.RoleId).OfType<Guid>().ToList();
        var personIds = list.Select(r => r.PersonId).OfType<Guid>().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return [.. list.Select(r => new RuleView(r, r.Kind switch
        {
            AudienceRuleKind.Department => departments.GetValueOrDefault(r.DepartmentId ?? 0) ?? "?",
            AudienceRuleKind.Role => roles.GetValueOrDefault(r.RoleId ?? Guid.Empty) ?? "?",
            _ => people.GetValueOrDefault(r.PersonId ?? Guid.Empty) ?? "?",
        }))];
    }

    private static Task<List<ArticleRow>> Rows(PortalDb db, IQueryable<Article> articles, CancellationToken cancellationToken) =>
        (from a in articles.AsNoTracking()
         join p in db.People on a.AuthorId equals p.Id into authors
         from author in authors.DefaultIfEmpty()
         orderby a.UpdatedAt descending
         select new ArticleRow(
             a.Id, a.Kind, a.Title, a.Status, a.UpdatedAt, a.PublishAt, a.RevisionOfId != null,
             author == null ? db.IntegrationClients.Where(c => c.Id == a.SourceClientId).Select(c => c.Name).FirstOrDefault() ?? "" : author.Name))
        .Take(ListSize).ToListAsync(cancellationToken);
}
