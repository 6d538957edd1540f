using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Content.Reach;

/// <summary>Who may see an item's reach and act on it: its author, approvers and admins (active people only).</summary>
public sealed class ReachAccess(IDbContextFactory<PortalDb> dbFactory)
{
    public async Task<bool> AllowsAsync(Guid personId, Guid articleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.People.AnyAsync(p => p.Id == personId && p.Active, cancellationToken))
        {
            return false;
        }

        var isAuthor = await db.Articles.AnyAsync(a => a.Id == articleId && a.AuthorId == personId, cancellationToken);
        return isAuthor || await db.RoleMembers.AnyAsync(
            m => m.PersonId == personId && db.Roles.Any(r => r.Id == m.RoleId && (r.Key == Role.Approver || r.Key == Role.Admin)),
            cancellationToken);
    }
}
