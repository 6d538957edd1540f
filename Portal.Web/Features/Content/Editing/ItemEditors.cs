using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Editing;

/// <summary>
/// The one exception to an item's audience. Its readers are whoever <c>VisibleTo</c> lets in; besides
/// them, the people behind the item (<see cref="EditorialAccess.StandsBehind"/>: its author, approvers and
/// admins, active people only) open the live item and its reach wherever the audience leaves them out.
/// </summary>
public static class ItemEditors
{
    public static async Task<bool> IncludeAsync(PortalDb db, Guid personId, Guid articleId, CancellationToken cancellationToken)
    {
        var authorId = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => (Guid?)a.AuthorId).SingleOrDefaultAsync(cancellationToken);
        if (authorId is not { } author || !await db.People.AnyAsync(p => p.Id == personId && p.Active, cancellationToken))
        {
            return false;
        }

        return (await EditorialAccess.ForAsync(db, personId, cancellationToken)).StandsBehind(author);
    }
}
