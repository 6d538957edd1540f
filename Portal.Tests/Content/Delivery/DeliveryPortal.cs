using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
internal sealed class DeliveryPortal : IAsyncDisposable
{
    private readonly IAsyncDisposable owner;

    public DeliveryPortal(IServiceProvider services, ManualTimeProvider time, string baseUrl, IAsyncDisposable owner)
    {
        Services = services;
        Time = time;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/") };
        this.owner = owner;
    }

    public IServiceProvider Services { get; }

    public ManualTimeProvider Time { get; }

    public HttpClient Http { get; }

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

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

    public static async Task<DeliveryPortal> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var kestrel = await KestrelPortal.StartAsync(Settings(settings), provider);
        var portal = new DeliveryPortal(kestrel.Services, kestrel.Time, kestrel.BaseUrl, kestrel);
        await portal.ImportAsync();
        return portal;
    }

    /// <summary>The simulator's organisation, copied into the portal's directory by the real import.</summary>
    public async Task ImportAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<OrgImport>();
        var run = await import.RequestAsync("test", CancellationToken.None);
        Assert.True(await import.RunAsync(run.Id, CancellationToken.None));
    }

    public PortalDb Db() => Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContext();

    /// <summary>Runs a scoped use case (publish, remind) in a scope of its own, as a request would.</summary>
    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> action)
        where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task<Guid> PersonAsync(string userId)
    {
        await using var db = Db();
        return await db.People.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
    }

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

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Calls the simulator answered for one endpoint (e.g. <c>oapi POST /topapi/message/corpconversation/asyncsend_v2</c>).</summary>
    public async Task<(long Calls, long Errors)> StatsAsync(string endpoint)
    {
        var stats = await GetJsonAsync("_dingtalk/_control/stats");
        var entry = stats.GetProperty("endpoints").EnumerateArray().FirstOrDefault(e => e.GetProperty("endpoint").GetString() == endpoint);
        return entry.ValueKind == JsonValueKind.Undefined ? (0, 0) : (entry.GetProperty("calls").GetInt64(), entry.GetProperty("errors").GetInt64());
    }

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("_dingtalk/_control/faults", UriKind.Relative), faults);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await owner.DisposeAsync();
    }
}
