using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Bench;

/// <summary>A stand-in for a targeted feed item (news, notice): what VisibleTo filters.</summary>
internal sealed class FeedItem : IAudienceTargeted
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AudienceId { get; init; }

    public DateTime PublishedAt { get; init; }

    public required string Title { get; init; }
}

/// <summary>The portal's model plus feed items, so the real visibility filter runs on a real feed query.</summary>
internal sealed class FeedBenchDb(DbContextOptions<FeedBenchDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDb).Assembly);
        modelBuilder.Entity<FeedItem>().HasIndex(i => i.PublishedAt);
    }
}

/// <summary>How much VisibleTo adds to a 20-item feed query, with 10,000 items over a large organisation.</summary>
internal static class FeedBenchmark
{
    public static async Task RunAsync(int people, int departments, int items)
    {
        Console.WriteLine($"feed: {items:N0} items, {people:N0} people in {departments:N0} departments (SQLite)");
        var path = Path.Combine(Path.GetTempPath(), $"portal-feed-{Guid.NewGuid():n}.db");
        var options = new DbContextOptionsBuilder<FeedBenchDb>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new FeedBenchDb(options))
        {
            await db.Database.EnsureCreatedAsync();
            var seeding = Stopwatch.StartNew();
            await SyntheticOrg.SeedAsync(db, people, departments);
            await SeedFeedAsync(db, items, departments);
            Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
        }

        await using var query = new FeedBenchDb(options);
        var viewer = await ViewerAsync(query);
        var baseline = await Measure.RunAsync("feed page of 20, no filter", () =>
            query.Set<FeedItem>().AsNoTracking().OrderByDescending(i => i.PublishedAt).Take(20).ToListAsync(), runs: 200);
        var filtered = await Measure.RunAsync("feed page of 20, VisibleTo(viewer)", () =>
            query.Set<FeedItem>().AsNoTracking().VisibleTo(query.Set<Audience>(), viewer).OrderByDescending(i => i.PublishedAt).Take(20).ToListAsync(), runs: 200);
        var visible = await query.Set<FeedItem>().VisibleTo(query.Set<Audience>(), viewer).CountAsync();
        Console.WriteLine($"viewer sees {visible:N0} of {items:N0} items");
        Console.WriteLine(baseline.Format(null));
        Console.WriteLine(filtered.Format(baseline));
        Console.WriteLine($"VisibleTo adds {filtered.MedianMs - baseline.MedianMs:0.00} ms (median), {filtered.P95Ms - baseline.P95Ms:0.00} ms (p95)");
        File.Delete(path);
    }

    private static async Task SeedFeedAsync(FeedBenchDb db, int items, int departments)
    {
        var random = new Random(7);
        var personIds = await db.Set<Person>().Select(p => p.Id).Take(20_000).ToListAsync();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < items; i++)
        {
            var audience = (i % 5) switch
            {
                0 => Audience.ForEveryone(),
                1 or 2 => With(AudienceRule.ForDepartment(random.Next(1, departments + 1), includeSubdepartments: true)),
                3 => With(AudienceRule.ForDepartment(random.Next(1, departments + 1), includeSubdepartments: false)),
                _ => With([.. Enumerable.Range(0, 5).Select(_ => AudienceRule.ForPerson(personIds[random.Next(personIds.Count)]))]),
            };
            db.Set<Audience>().Add(audience);
            db.Set<FeedItem>().Add(new FeedItem { AudienceId = audience.Id, PublishedAt = start.AddMinutes(i * 7), Title = $"新闻 {i}" });
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }

    private static Audience With(params AudienceRule[] rules)
    {
        var audience = new Audience();
        audience.Rules.AddRange(rules);
        return audience;
    }

    private static async Task<Viewer> ViewerAsync(FeedBenchDb db)
    {
        // Someone deep in the tree: their ancestors make subtree rules the expensive case.
        var deepest = await db.Set<DepartmentClosure>().OrderByDescending(c => c.Distance).Select(c => c.DescendantId).FirstAsync();
        var person = await db.Set<PersonDepartment>().Where(d => d.DepartmentId == deepest).Select(d => d.PersonId).FirstAsync();
        var direct = await db.Set<PersonDepartment>().Where(d => d.PersonId == person).Select(d => d.DepartmentId).ToListAsync();
        var ancestors = await db.Set<DepartmentClosure>().Where(c => direct.Contains(c.DescendantId)).Select(c => c.AncestorId).Distinct().ToListAsync();
        return new Viewer(person, direct, ancestors, []);
    }
}
