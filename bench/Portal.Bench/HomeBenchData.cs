using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Bench;

/// <summary>Published news and notices targeted like real ones, and the reader the benchmark signs in as.</summary>
internal static class HomeBenchData
{
    public static async Task SeedItemsAsync(PortalDb db, int items, int departments, DateTime now)
    {
        var random = new Random(11);
        var personIds = await db.People.Select(p => p.Id).Take(20_000).ToListAsync();
        var author = personIds[0];
        var approver = personIds[1];
        var start = now.AddMinutes(-7.0 * items);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < items; i++)
        {
            var audience = (i % 5) switch
            {
                0 => Audience.ForEveryone(),
                1 or 2 => With(AudienceRule.ForDepartment(random.Next(1, departments + 1), includeSubdepartments: true)),
                3 => With(AudienceRule.ForDepartment(random.Next(1, departments + 1), includeSubdepartments: false)),
                _ => With([.. Enumerable.Range(0, 5).Select(_ => AudienceRule.ForPerson(personIds[random.Next(personIds.Count)]))]),
            };
            db.Audiences.Add(audience);
            var at = start.AddMinutes(i * 7);
            var kind = i % 10 == 0 ? ContentKind.Notice : ContentKind.News;
            var article = new Article(kind, author, $"{(kind == ContentKind.Notice ? "通知" : "新闻")} {i}", audience.Id, at);
            article.Edit(author, article.Title, $"第 {i} 条的摘要，两行以内", $"<p>正文 {i}</p>", null, at);
            article.SetNotify(false);
            if (kind == ContentKind.Notice)
            {
                article.SetNoticeOptions(requiresAcknowledgement: i % 30 == 0, pinned: i % 500 == 0, expiresAt: null);
            }

            article.Submit(author, at);
            article.Approve(approver, at);
            article.Publish(approver, at);
            db.Articles.Add(article);
            if (i % 1_000 == 999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>Someone deep in the tree (subtree rules are the expensive case) who has read half of what they see.</summary>
    public static async Task<Guid> ReaderAsync(PortalDb db, DateTime now)
    {
        var deepest = await db.DepartmentClosures.OrderByDescending(c => c.Distance).Select(c => c.DescendantId).FirstAsync();
        var reader = await db.PersonDepartments.Where(d => d.DepartmentId == deepest && db.People.Any(p => p.Id == d.PersonId && p.Active))
            .Select(d => d.PersonId).FirstAsync();
        var viewer = await ViewerQuery.ForPersonAsync(db, reader, CancellationToken.None) ?? throw new InvalidOperationException("no reader");
        var visible = await db.Articles.VisibleTo(db, viewer).OrderBy(a => a.PublishedAt).Select(a => a.Id).ToListAsync();
        foreach (var id in visible.Where((_, index) => index % 2 == 0))
        {
            var receipt = new ArticleReceipt { ArticleId = id, PersonId = reader };
            receipt.Read(now);
            db.ArticleReceipts.Add(receipt);
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"reader sees {visible.Count:N0} items and has read {(visible.Count + 1) / 2:N0}");
        return reader;
    }

    private static Audience With(params AudienceRule[] rules)
    {
        var audience = new Audience();
        audience.Rules.AddRange(rules);
        return audience;
    }
}
