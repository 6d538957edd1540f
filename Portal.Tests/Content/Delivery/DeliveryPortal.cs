using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Workflow;
using Portal.Web.Features.Outbox;
using Portal.Web.Features.People.Import;
using Portal.Web.Infrastructure.Data;

namespace Portal.Tests.Content.Delivery;

/// <summary>
/// A portal on Kestrel with the simulator's demo organisation imported into its directory. Nothing runs in
/// the background: the test publishes, drives the outbox relay and the clock, and reads what each person's
/// simulated DingTalk received through the simulator's control API.
/// </summary>
/// <param name="ownDatabase">The portal's database, when it is this object's to drop.</param>
internal sealed class DeliveryPortal(KestrelPortal portal, TestDatabase? ownDatabase = null) : IAsyncDisposable
{
    public KestrelPortal Portal { get; } = portal;

    public IServiceProvider Services => Portal.Services;

    public FakeTimeProvider Time => Portal.Time;

    public HttpClient Http => Portal.Http;

    public DateTime Now => Portal.Now;

    /// <summary>
    /// The clock stands still, so the simulator's QPS window and the client's pacing are off; retries
    /// are left to the outbox relay, whose backoff the test steps through.
    /// </summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DingTalk:Simulator:EnforceLimits"] = "false",
            ["DingTalk:Client:DefaultQps"] = "0",
            ["DingTalk:Client:RetryAttempts"] = "0",
            ["Import:RunInBackground"] = "false",
            ["Outbox:RunInBackground"] = "false",
            ["Content:Scheduler:Enabled"] = "false",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <param name="clock">The portal's clock (see <see cref="KestrelPortal.StartAsync"/>).</param>
    /// <param name="database">A database the test keeps, to start the portal again on it; the import runs on it.</param>
    public static async Task<DeliveryPortal> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, TestDatabase? database = null)
    {
        if (database is not null)
        {
            var onGiven = new DeliveryPortal(await KestrelPortal.StartAsync(Settings(settings), provider, clock, database: database));
            await onGiven.ImportAsync();
            return onGiven;
        }

        var imported = await TestDatabase.CreateFromTemplateAsync(provider, "organisation", ImportOrganisationAsync);
        return new DeliveryPortal(await KestrelPortal.StartAsync(Settings(settings), provider, clock, database: imported), imported);
    }

    /// <summary>The simulator's organisation, copied into the portal's directory by the real import.</summary>
    public async Task ImportAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<OrgImport>();
        var run = await import.RequestAsync("test", CancellationToken.None);
        Assert.True(await import.RunAsync(run.Id, CancellationToken.None));
    }

    public PortalDb Db() => Portal.Db();

    public Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> action)
        where T : notnull => Portal.RunAsync(action);

    public Task<Guid> PersonAsync(string userId) => Portal.PersonIdAsync(userId);

    /// <summary>Active people of the directory, by userId.</summary>
    public async Task<List<string>> ActiveUserIdsAsync()
    {
        await using var db = Db();
        return await db.People.Where(p => p.Active).OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync();
    }

    /// <summary>An item written by one person and approved by another, ready to publish.</summary>
    public async Task<Guid> ApprovedAsync(ContentKind kind, string title, Audience audience, Action<Article>? setup = null)
    {
        await using var db = Db();
        var editors = await db.People.Where(p => p.Active).OrderBy(p => p.UserId).Select(p => p.Id).Take(2).ToListAsync();
        var article = new Article(kind, editors[0], title, audience.Id, Now);
        article.Edit(editors[0], title, $"{title}的摘要", "<p>正文</p>", null, Now);
        setup?.Invoke(article);
        article.Submit(editors[0], Now);
        article.Approve(editors[1], Now);
        db.Audiences.Add(audience);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    /// <summary>
    /// The author takes the approved item live, so the item's push is all the relay carries: a publisher
    /// other than the author, or the scheduler, also tells the author (see WorkflowNoticeTests).
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(Guid articleId, DateTime? at = null, bool confirmed = true)
    {
        await using var db = Db();
        var author = await db.Articles.Where(a => a.Id == articleId).Select(a => a.AuthorId).SingleAsync();
        return await RunAsync<PublishArticle, PublishOutcome>(publish => publish.RunAsync(articleId, author, at, confirmed, CancellationToken.None));
    }

    public OutboxRelay Relay => Services.GetRequiredService<OutboxRelay>();

    /// <summary>Runs the relay until it finds nothing due; returns how many messages it took.</summary>
    public async Task<int> DrainAsync()
    {
        var relay = Relay;
        var total = 0;
        for (var taken = await relay.RunOnceAsync(CancellationToken.None); taken > 0; taken = await relay.RunOnceAsync(CancellationToken.None))
        {
            total += taken;
        }

        return total;
    }

    /// <summary>Every active or inactive person of the simulated organisation.</summary>
    public async Task<List<string>> SimulatedUserIdsAsync() =>
        [.. (await GetJsonAsync("_dingtalk/_control/users")).EnumerateArray().Select(u => u.GetProperty("userId").GetString()!)];

    /// <summary>The action-card titles in a person's DingTalk inbox, newest first.</summary>
    public async Task<List<string>> CardTitlesAsync(string userId) =>
        [.. (await InboxAsync(userId)).Select(m => m.GetProperty("message").GetProperty("action_card").GetProperty("title").GetString()!)];

    public async Task<List<JsonElement>> InboxAsync(string userId) =>
        [.. (await GetJsonAsync($"_dingtalk/_control/users/{Uri.EscapeDataString(userId)}/messages")).EnumerateArray()];

    /// <summary>For each person of the simulated organisation, how many cards with exactly this title they received.</summary>
    public async Task<Dictionary<string, int>> ReceivedAsync(string cardTitle)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var userId in await SimulatedUserIdsAsync())
        {
            counts[userId] = (await CardTitlesAsync(userId)).Count(t => t == cardTitle);
        }

        return counts;
    }

    public async Task<Dictionary<string, ArticleReceipt>> ReceiptsAsync(Guid articleId)
    {
        await using var db = Db();
        return await (from receipt in db.ArticleReceipts.AsNoTracking()
                      where receipt.ArticleId == articleId
                      join person in db.People on receipt.PersonId equals person.Id
                      select new { person.UserId, receipt }).ToDictionaryAsync(x => x.UserId, x => x.receipt);
    }

    public Task<JsonElement> GetJsonAsync(string path) => Portal.GetJsonAsync(path);

    /// <summary>Calls the simulator answered for one endpoint (e.g. <c>oapi POST /topapi/message/corpconversation/asyncsend_v2</c>).</summary>
    public Task<(long Calls, long Errors)> StatsAsync(string endpoint) => Portal.StatsAsync(endpoint);

    public Task SetFaultsAsync(object faults) => Portal.SetFaultsAsync(faults);

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        if (ownDatabase is not null)
        {
            await ownDatabase.DisposeAsync();
        }
    }

    /// <summary>
    /// The import, run once per test run into a template: the simulator builds the same organisation from
    /// its seed for every portal, so each copy matches its own portal's simulator.
    /// </summary>
    private static async Task ImportOrganisationAsync(TestDatabase database)
    {
        await using var portal = await KestrelPortal.StartAsync(Settings(), database.Provider, database: database);
        await new DeliveryPortal(portal).ImportAsync();
    }
}
