using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Tests.Content.Delivery;
using Portal.Tests.Infrastructure;
using Portal.Web.Features.Content.Reading.Demo;
using Portal.Web.Features.Demo;
using Portal.Web.Features.Integration;
using Portal.Web.Features.Integration.Todos;
using Portal.Web.Features.Todos;

namespace Portal.Tests.E2E;

/// <summary>
/// One portal for the whole sweep, filled as a demo start fills it: the demo organisation imported, its
/// roles, news and notices and the demo OA's to-dos. One person per role signs in (the demo's own editor
/// and approver, a mapped DingTalk admin, someone with no role), and each of them gets a to-do of their
/// own; the editor also has a draft and an item waiting for review.
/// </summary>
public sealed class SweepPortal : IAsyncLifetime
{
    /// <summary>The demo notice for everyone that the sweep reads and whose reach it opens.</summary>
    public const string ArticleTitle = "关于国庆节放假安排的通知";

    private KestrelPortal? host;

    public KestrelPortal Host => host ?? throw new InvalidOperationException("The sweep portal has not started.");

    /// <summary>For each built-in role, the DingTalk userId of the person who signs in with it (and only it).</summary>
    public Dictionary<string, string> People { get; } = [];

    public Dictionary<string, Guid> TodoOf { get; } = [];

    public Dictionary<string, string> TodoActPathOf { get; } = [];

    public Guid Article { get; private set; }

    public Guid Draft { get; private set; }

    public Guid Submitted { get; private set; }

    public async Task InitializeAsync()
    {
        host = await KestrelPortal.StartAsync(DeliveryPortal.Settings());
        var portal = new DeliveryPortal(host);
        await portal.ImportAsync();
        await portal.RunAsync<DemoRoles, int>(roles => roles.SeedAsync(CancellationToken.None));
        await portal.RunAsync<DemoContentSeeder, int>(content => content.SeedAsync(CancellationToken.None));
        await portal.RunAsync<DemoTodos, int>(todos => todos.SeedAsync(CancellationToken.None));

        await using var db = portal.Db();
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Title == ArticleTitle);
        Article = article.Id;
        var editor = article.AuthorId;
        var approver = article.ReviewedById ?? throw new InvalidOperationException("the demo notice has no reviewer");
        var holdings = await HoldingsAsync(db);
        People[Role.Editor] = await SoleHolderAsync(db, holdings, Role.Editor, editor);
        People[Role.Approver] = await SoleHolderAsync(db, holdings, Role.Approver, approver);
        People[Role.Admin] = await SoleHolderAsync(db, holdings, Role.Admin, null);
        People[Role.Employee] = await SoleHolderAsync(db, holdings, Role.Employee, null);

        (Draft, Submitted) = await EditorItemsAsync(db, editor, host.Time.GetUtcNow().UtcDateTime);
        var links = host.Get<TodoActionLinks>();
        foreach (var (role, userId) in People)
        {
            var todo = await TodoForAsync(portal, role, userId);
            TodoOf[role] = todo;
            TodoActPathOf[role] = links.ActionPath(todo, "approve");
        }
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Each active person's roles other than employee, which everyone holds.</summary>
    private static async Task<Dictionary<Guid, HashSet<string>>> HoldingsAsync(PortalDb db)
    {
        var members = await (from member in db.RoleMembers
                             join role in db.Roles on member.RoleId equals role.Id
                             where role.Key != Role.Employee
                             select new { member.PersonId, role.Key }).ToListAsync();
        var people = await db.People.Where(p => p.Active).Select(p => p.Id).ToListAsync();
        return people.ToDictionary(p => p, p => members.Where(m => m.PersonId == p).Select(m => m.Key).ToHashSet());
    }

    /// <summary>The preferred person, or else the first by userId, who holds this role and no other.</summary>
    private static async Task<string> SoleHolderAsync(PortalDb db, Dictionary<Guid, HashSet<string>> holdings, string role, Guid? preferred)
    {
        bool Sole(Guid person) => role == Role.Employee ? holdings[person].Count == 0 : holdings[person].SetEquals([role]);
        if (preferred is { } person)
        {
            return Sole(person)
                ? await db.People.Where(p => p.Id == person).Select(p => p.UserId).SingleAsync()
                : throw new InvalidOperationException($"the demo's {role} holds {string.Join(", ", holdings[person])}");
        }

        var candidates = holdings.Where(h => Sole(h.Key)).Select(h => h.Key).ToList();
        return await db.People.Where(p => candidates.Contains(p.Id)).OrderBy(p => p.UserId).Select(p => p.UserId).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"nobody in the demo organisation holds only {role}");
    }

    /// <summary>A news draft the editor is writing and a notice of theirs waiting for an approver.</summary>
    private static async Task<(Guid Draft, Guid Submitted)> EditorItemsAsync(PortalDb db, Guid editor, DateTime now)
    {
        var everyone = Audience.ForEveryone();
        var submittedAudience = Audience.ForEveryone();
        db.Audiences.AddRange(everyone, submittedAudience);
        var draft = new Article(ContentKind.News, editor, "新版报销系统下月上线", everyone.Id, now);
        draft.Edit(editor, "新版报销系统下月上线", "移动端提交、拍照识别发票。", "<p>财务部联合信息中心完成了报销系统的升级，下月起全员使用。</p>", "公司新闻", now);
        var submitted = new Article(ContentKind.Notice, editor, "年度体检预约开始", submittedAudience.Id, now);
        submitted.Edit(editor, "年度体检预约开始", "请在本月底前完成预约。", "<p>今年的体检安排在市第一医院，请通过行政服务组提供的链接预约。</p>", "行政", now);
        submitted.Submit(editor, now);
        db.Articles.AddRange(draft, submitted);
        await db.SaveChangesAsync();
        return (draft.Id, submitted.Id);
    }

    /// <summary>An approval request from the demo OA to this person, sent through the to-do API's upsert.</summary>
    private async Task<Guid> TodoForAsync(DeliveryPortal portal, string role, string userId)
    {
        await using var db = portal.Db();
        var client = await db.IntegrationClients.Where(c => c.Name == DemoClientOptions.ClientName).Select(c => c.Id).SingleAsync();
        var externalId = "sweep-expense-" + role;
        var due = Host.Time.GetUtcNow().AddDays(2).ToOffset(TimeSpan.FromHours(8));
        var body = new JsonObject
        {
            ["title"] = "费用报销：华东区客户拜访差旅费",
            ["description"] = "上海、苏州两地客户拜访的交通与住宿费用，发票 4 张已上传 OA。",
            ["assignees"] = new JsonArray(new JsonObject { ["userId"] = userId }),
            ["due"] = due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["priority"] = 20,
            ["formFields"] = new JsonArray(
                new JsonObject { ["key"] = "报销金额", ["value"] = "¥2,860.00" },
                new JsonObject { ["key"] = "费用类型", ["value"] = "差旅" }),
            ["actions"] = new JsonArray(
                new JsonObject { ["key"] = "approve", ["label"] = "同意" },
                new JsonObject { ["key"] = "reject", ["label"] = "拒绝", ["requiresComment"] = true }),
        };
        var outcome = await portal.RunAsync<UpsertTodo, UpsertOutcome>(upsert =>
            upsert.RunAsync(client, externalId, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), CancellationToken.None));
        Assert.True(outcome.Status == 201, $"the sweep's to-do for {role} was refused: {outcome.Problem?.ProblemDetails.Detail}");
        return await db.Todos.Where(t => t.ClientId == client && t.ExternalId == externalId).Select(t => t.Id).SingleAsync();
    }
}
