using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Web.Features.Content.Delivery;

/// <summary>Who in an item's audience has not read it yet (or, for a notice that asks for it, not acknowledged it).</summary>
public static class UnreadReaders
{
    public static async Task<IQueryable<Person>> QueryAsync(PortalDb db, Article article, CancellationToken cancellationToken)
    {
        var audience = await db.Audiences.AsNoTracking().Include(a => a.Rules).SingleAsync(a => a.Id == article.AudienceId, cancellationToken);
        var done = article.RequiresAcknowledgement
            ? db.ArticleReceipts.Where(r => r.ArticleId == article.Id && r.AcknowledgedAt != null)
            : db.ArticleReceipts.Where(r => r.ArticleId == article.Id && r.ReadAt != null);
        return AudienceMembers.Resolve(db, audience).Where(p => !done.Any(r => r.PersonId == p.Id));
    }
}
