using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;

namespace Portal.Tests.Content.Reading;

/// <summary>Publishes items straight into a running portal's database, through the items' own workflow.</summary>
public static class PortalContent
{
    public static async Task<Guid> PersonIdAsync(IServiceProvider services, string userId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.People.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
    }

    /// <param name="readers">People (by id) the item is for; everyone when empty.</param>
    public static async Task<Guid> PublishAsync(
        IServiceProvider services, ContentKind kind, string title, Guid author, IReadOnlyCollection<Guid> readers, bool acknowledge = false, bool pinned = false, string? body = null)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var audience = readers.Count == 0 ? Audience.ForEveryone() : new Audience();
        audience.Rules.AddRange(readers.Select(id => AudienceRule.ForPerson(id)));
        db.Audiences.Add(audience);
        var article = new Article(kind, author, title, audience.Id, now);
        article.Edit(author, title, title + " summary", body ?? $"<p>{title} body</p>", null, now);
        article.SetNotify(false);
        if (kind == ContentKind.Notice)
        {
            article.SetNoticeOptions(acknowledge, pinned, null);
        }

        article.Submit(author, now);
        article.Approve(Guid.NewGuid(), now);
        article.Publish(Guid.NewGuid(), now);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }
}
