using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Reading;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Reading;

/// <summary>
/// A small organisation on a real database: 1 company → 2 sales → 3 sales-east; 1 → 4 engineering.
/// Ada is in 3, Bo in 4, Cy in 2, Di in 4. Items are published through their own workflow.
/// </summary>
public sealed class ReadingWorld : IAsyncDisposable
{
    private readonly TestDatabase database;

    private ReadingWorld(TestDatabase database, IDbContextFactory<PortalDb> factory)
    {
        this.database = database;
        Factory = factory;
        Live = new LiveItems(factory, Time, Options.Create(new ReadingOptions()));
    }

    public IDbContextFactory<PortalDb> Factory { get; }

    public FakeTimeProvider Time { get; } = TestTime.Fake();

    /// <summary>The published items as this world's portal keeps them.</summary>
    public LiveItems Live { get; }

    public Dictionary<string, Person> People { get; } = [];

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public static async Task<ReadingWorld> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var world = new ReadingWorld(database, database.CreateFactory());
        await using var db = await world.Factory.CreateDbContextAsync();
        await world.SeedAsync(db);
        return world;
    }

    public async Task<Viewer> ViewerAsync(string name)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await ViewerQuery.ForPersonAsync(db, People[name].Id, CancellationToken.None) ?? throw new InvalidOperationException(name + " has no viewer");
    }

    /// <summary>Publishes an item at <paramref name="at"/> (now when null) for everyone or the given department subtree.</summary>
    public async Task<Guid> PublishAsync(
        ContentKind kind, string title, long? department = null, DateTime? at = null, bool pinned = false, bool acknowledge = false, DateTime? expiresAt = null, Guid? author = null)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var audience = department is null ? Audience.ForEveryone() : new Audience();
        if (department is { } departmentId)
        {
            audience.Rules.Add(AudienceRule.ForDepartment(departmentId, includeSubdepartments: true));
        }

        db.Audiences.Add(audience);
        var article = PortalContent.Published(kind, author ?? Guid.NewGuid(), title, "<p>" + title + "</p>", audience.Id, at ?? Now, acknowledge, pinned, expiresAt);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>A person's home lists now, as the home page reads them.</summary>
    public async Task<PersonFeed> FeedForAsync(PortalDb db, Viewer viewer) =>
        await PersonFeed.OpenAsync(Live, db, viewer, Now, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Live.Dispose();
        await database.DisposeAsync();
    }

    private async Task SeedAsync(PortalDb db)
    {
        TestDirectory.AddDepartments(db, (1, "公司", null), (2, "销售部", 1), (3, "华东销售", 2), (4, "研发部", 1));
        foreach (var (name, department) in new[] { ("ada", 3L), ("bo", 4L), ("cy", 2L), ("di", 4L) })
        {
            People[name] = TestDirectory.AddPerson(db, name, Now, department);
        }

        await RoleMembership.EnsureBuiltInRolesAsync(db, CancellationToken.None);
        await db.SaveChangesAsync();
    }
}
