using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Web.Infrastructure.Html;

namespace Portal.Web.Features.Content.Reading.Demo;

/// <summary>
/// Publishes the demo content through the items' own workflow (written, submitted, approved by someone
/// else, published), without DingTalk pushes. Does nothing while the directory is empty or once any
/// content exists.
/// </summary>
public sealed class DemoContentSeeder(IDbContextFactory<PortalDb> dbFactory, TimeProvider time)
{
    /// <returns>How many items it published (0 when there was content already or nobody to write it).</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Wait for an import under way: the demo items target departments by name.
        if (await db.Articles.AnyAsync(cancellationToken)
            || await db.ImportRuns.AnyAsync(r => r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running, cancellationToken))
        {
            return 0;
        }

        if (await WritersAsync(db, cancellationToken) is not { } writers)
        {
            return 0;
        }

        var (author, approver) = writers;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var demo in DemoArticles.All.OrderByDescending(d => d.Age))
        {
            var audience = await AudienceForAsync(db, demo.Department, cancellationToken);
            db.Audiences.Add(audience);
            var at = now - demo.Age;
            var article = new Article(demo.Kind, author, demo.Title, audience.Id, at);
            article.Edit(author, demo.Title, demo.Summary, HtmlSanitizer.Sanitize(demo.Body), demo.Category, at);
            article.SetNotify(false);
            if (demo.Kind == ContentKind.Notice)
            {
                article.SetNoticeOptions(demo.Acknowledge, demo.Pinned, null);
            }

            article.Submit(author, at);
            article.Approve(approver, at);
            article.Publish(approver, at);
            db.Articles.Add(article);
        }

        await db.SaveChangesAsync(cancellationToken);
        return DemoArticles.All.Length;
    }

    /// <summary>An editor writes and an approver approves when the demo roles have members; otherwise the first two people.</summary>
    private static async Task<(Guid Author, Guid Approver)?> WritersAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var author = await HolderAsync(db, Role.Editor, null, cancellationToken);
        var approver = author is null ? null : await HolderAsync(db, Role.Approver, author, cancellationToken);
        if (author is { } editor && approver is { } reviewer)
        {
            return (editor, reviewer);
        }

        var writers = await db.People.Where(p => p.Active).OrderBy(p => p.UserId).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
        return writers.Count < 2 ? null : (writers[0], writers[1]);
    }

    private static Task<Guid?> HolderAsync(PortalDb db, string roleKey, Guid? not, CancellationToken cancellationToken) =>
        (from member in db.RoleMembers
         join role in db.Roles on member.RoleId equals role.Id
         where role.Key == roleKey && member.PersonId != not
         join person in db.People on member.PersonId equals person.Id
         where person.Active
         orderby person.UserId
         select (Guid?)person.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> HasContentAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Articles.AnyAsync(cancellationToken);
    }

    private static async Task<Audience> AudienceForAsync(PortalDb db, string? department, CancellationToken cancellationToken)
    {
        var id = department is null ? null : await db.Departments.Where(d => d.Name == department).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return Audience.ForEveryone();
        }

        var audience = new Audience();
        audience.Rules.Add(AudienceRule.ForDepartment(id.Value, includeSubdepartments: true));
        return audience;
    }
}
