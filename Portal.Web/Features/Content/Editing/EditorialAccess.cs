using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing;

/// <summary>
/// What one person may do with content, from their roles as they are now (read per action, so a role
/// taken away stops the next click, not the next sign-in). Editors write, the author or an admin edits a
/// draft, approvers review; the entity enforces that nobody approves their own item.
/// </summary>
public sealed record EditorialAccess(Guid PersonId, bool Editor, bool Approver, bool Admin)
{
    public bool CanWrite => Editor || Admin;

    public bool IsAuthor(Article article) => article.AuthorId == PersonId;

    /// <summary>Changes the content of a draft or a rejected item.</summary>
    public bool CanEdit(ContentStatus status, Guid authorId) =>
        status is ContentStatus.Draft or ContentStatus.Rejected && CanWrite && (authorId == PersonId || Admin);

    /// <summary>Sees the item in the editor: drafts stay with their author (and admins); reviewers see the rest; a deleted item is gone for all.</summary>
    public bool CanView(ContentStatus status, Guid authorId) =>
        status != ContentStatus.Deleted && ((CanWrite && authorId == PersonId) || Admin || (Approver && status != ContentStatus.Draft));

    public bool CanView(Article article) => CanView(article.Status, article.AuthorId);

    /// <summary>Approves or rejects: an approver, never on their own item.</summary>
    public bool CanReview(Guid authorId) => Approver && authorId != PersonId;

    /// <summary>Starts a revision or archives: the author or an admin; approvers may archive too.</summary>
    public bool CanRevise(Guid authorId) => CanWrite && (authorId == PersonId || Admin);

    public bool CanArchive(Guid authorId) => Approver || CanRevise(authorId);

    /// <summary>
    /// Opens a live item and its reach even where the item's audience leaves them out: its author,
    /// approvers and admins. See <see cref="ItemEditors"/>, which applies it.
    /// </summary>
    public bool StandsBehind(Guid authorId) => authorId == PersonId || Approver || Admin;

    /// <summary>
    /// The people who may review an item of this author, as a query: active holders of the approver role
    /// other than the author, exactly those for whom <see cref="ForAsync"/> and <see cref="CanReview"/> allow it.
    /// </summary>
    public static IQueryable<Guid> ReviewersOf(PortalDb db, Guid authorId) =>
        db.People.Where(p => p.Active && p.Id != authorId
                && db.RoleMembers.Any(m => m.PersonId == p.Id && db.Roles.Any(r => r.Id == m.RoleId && r.Key == Role.Approver)))
            .Select(p => p.Id);

    public static async Task<EditorialAccess> ForAsync(PortalDb db, Guid personId, CancellationToken cancellationToken)
    {
        var keys = await db.Roles.AsNoTracking()
            .Where(r => db.RoleMembers.Any(m => m.RoleId == r.Id && m.PersonId == personId && db.People.Any(p => p.Id == personId && p.Active)))
            .Select(r => r.Key).ToListAsync(cancellationToken);
        return new EditorialAccess(personId, keys.Contains(Role.Editor), keys.Contains(Role.Approver), keys.Contains(Role.Admin));
    }

    /// <summary>The item, tracked, when this person may see it in the editor; otherwise it does not exist for them.</summary>
    public async Task<Article> ArticleAsync(PortalDb db, Guid articleId, CancellationToken cancellationToken)
    {
        // With its history loaded: a transition appends to it, and EF inserts only entries of a loaded collection.
        var article = await db.Articles.Include(a => a.History).SingleOrDefaultAsync(a => a.Id == articleId, cancellationToken);
        return article is not null && CanView(article) ? article : throw EditingException.NotFound();
    }

    /// <summary>The author, or an admin, with the right to write.</summary>
    public void RequireOwner(Article article) => Require(CanRevise(article.AuthorId));

    /// <summary>For changes the entity does not guard itself (files): only drafts and rejected items change.</summary>
    public static void RequireEditable(Article article)
    {
        if (article.Status is not (ContentStatus.Draft or ContentStatus.Rejected))
        {
            throw new ContentWorkflowException("not-editable", "Only drafts and rejected items can be edited.");
        }
    }

    public static void Require(bool allowed)
    {
        if (!allowed)
        {
            throw EditingException.Forbidden();
        }
    }
}
