using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Web.Features.Content.Editing;

namespace Portal.Web.Features.Content.Reach;

/// <summary>Who may see an item's reach and act on it: the people behind it (<see cref="ItemEditors"/>), whatever its audience.</summary>
public sealed class ReachAccess(IDbContextFactory<PortalDb> dbFactory)
{
    public async Task<bool> AllowsAsync(Guid personId, Guid articleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ItemEditors.IncludeAsync(db, personId, articleId, cancellationToken);
    }
}
