using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Todos;

/// <summary>A real database with Ada and Bo (assignees), Cy (not one), an integration client and its to-do.</summary>
public sealed class TodoWorld : IAsyncDisposable
{
    private readonly TestDatabase database;

    private TodoWorld(TestDatabase database, IDbContextFactory<PortalDb> factory)
    {
        this.database = database;
        Factory = factory;
    }

    public IDbContextFactory<PortalDb> Factory { get; }

    public FakeTimeProvider Time { get; } = TestTime.Fake();

    public Dictionary<string, Person> People { get; } = [];

    public Guid ClientId { get; private set; }

    public Guid TodoId { get; private set; }

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public DecideTodo Decide => new(Factory, Time);

    public static async Task<TodoWorld> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var world = new TodoWorld(database, database.CreateFactory());
        await using var db = await world.Factory.CreateDbContextAsync();
        foreach (var name in new[] { "ada", "bo", "cy" })
        {
            world.People[name] = TestDirectory.AddPerson(db, name, world.Now);
        }

        await db.SaveChangesAsync();
        world.ClientId = await TodoSeed.ClientAsync(db, world.Now);
        world.TodoId = await TodoSeed.TodoAsync(db, world.ClientId, [world.People["ada"].Id, world.People["bo"].Id], world.Now);
        return world;
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();
}
