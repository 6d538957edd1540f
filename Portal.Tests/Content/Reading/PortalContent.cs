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
        var article = Published(kind, author, title, body ?? $"<p>{title} body</p>", audience.Id, now, acknowledge, pinned, notify: false);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>An item taken through its own workflow, approved and published by others at <paramref name="at"/>.</summary>
    public static Article Published(
        ContentKind kind, Guid author, string title, string body, Guid audienceId, DateTime at, bool acknowledge = false, bool pinned = false, DateTime? expiresAt = null, bool notify = true)
    {
        var article = new Article(kind, author, title, audienceId, at);
        article.Edit(author, title, title + " summary", body, null, at);
        article.SetNotify(notify);
        if (kind == ContentKind.Notice)
        {
            article.SetNoticeOptions(acknowledge, pinned, expiresAt);
        }

        article.Submit(author, at);
        article.Approve(Guid.NewGuid(), at);
        article.Publish(Guid.NewGuid(), at);
        return article;
    }
}
