using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Simulator;
using Portal.Domain.Audiences;
using Portal.Domain.Content;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Web.Features.Content.Workflow;
using Portal.Web.Features.Outbox;
using Portal.Web.Features.People.Import;
using Portal.Web.Infrastructure.Data;

namespace Portal.Bench;

/// <summary>
/// Publishing to 100,000 people through the real path (plan, outbox, relay, typed client, simulator over
/// HTTP) with DingTalk's default limits: the calls made against the fewest possible, the time against
/// calls / QPS, and the simulator's rate-limit answers.
/// </summary>
internal static class FanOutBenchmark
{
    private const string SendEndpoint = "oapi POST /topapi/message/corpconversation/asyncsend_v2";

    public static async Task RunAsync(int people, int listed, string? postgres)
    {
        var org = FanOutOrg.Generate(people);
        var path = Path.Combine(Path.GetTempPath(), $"portal-fanout-{Guid.NewGuid():n}.db");
        await RunOnAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={path}", org, listed);
        File.Delete(path);
        if (!string.IsNullOrEmpty(postgres))
        {
            var database = "portal_fanout_" + Guid.NewGuid().ToString("n")[..8];
            await AdministerAsync(postgres, "CREATE DATABASE " + database);
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database };
            await RunOnAsync("PostgreSQL", DatabaseProvider.Postgres, builder.ConnectionString, org, listed);
            await AdministerAsync(postgres, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    internal static async Task AdministerAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The statement names a database this benchmark generated itself.
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private static async Task RunOnAsync(string label, DatabaseProvider provider, string connectionString, FanOutOrg org, int listed)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portal-fanout-sim-{Guid.NewGuid():n}");
        var settings = BenchPortal.DrivenSettings(provider, connectionString, folder);

        // Result collection would share the relay with the sends; it is measured apart from them.
        settings["Content:Delivery:ResultDelaySeconds"] = "86400";
        await using var portal = BenchPortal.Start(settings);
        var limits = portal.Get<Microsoft.Extensions.Options.IOptionsMonitor<SimulatorOptions>>().CurrentValue;
        var qps = portal.Get<Microsoft.Extensions.Options.IOptionsMonitor<DingTalkClientOptions>>().CurrentValue.QpsFor(DingTalkApiNames.MessageSend);
        Console.WriteLine($"fan-out ({label}): {org.People.Count:N0} people in {org.Departments.Count:N0} departments; simulator {limits.QpsPerApi} QPS per API (enforced: {limits.EnforceLimits}), client paced at {qps} QPS");

        var loading = Stopwatch.StartNew();
        await LoadSimulatorAsync(portal, org);
        await LoadDirectoryAsync(portal, org);
        Console.WriteLine($"organisation loaded into the simulator and the portal in {loading.Elapsed.TotalSeconds:0.0} s");

        var run = new Scenarios(portal, qps);
        await run.PrepareAsync();
        var rows = new List<Row>
        {
            await run.PublishAsync("(a) everyone", Audience.ForEveryone(), 1),
            await run.PublishAsync($"(b) {org.Units.Count / 2} whole units (subtrees)", Units(org), (org.Units.Count / 2 + 19) / 20),
            await run.PublishAsync($"(c) a list of {listed:N0} people", await run.ListAsync(listed), (listed + 99) / 100),
            await run.PublishAsync("(c) everyone but one (a list)", run.EveryoneButOne(), -1),
        };

        Console.WriteLine(Row.Header);
        rows.ForEach(row => Console.WriteLine(row.Format()));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Audience Units(FanOutOrg org)
    {
        var audience = new Audience();
        audience.Rules.AddRange(org.Units.Where((_, index) => index % 2 == 0).Select(id => AudienceRule.ForDepartment(id, includeSubdepartments: true)));
        return audience;
    }

    internal static async Task LoadSimulatorAsync(BenchPortal portal, FanOutOrg org)
    {
        var body = new
        {
            corpName = "星河集团",
            departments = org.Departments.Select(d => new { id = d.Id, name = d.Name, parentId = d.ParentId }),
            people = org.People.Select(p => new { userId = p.UserId, name = p.Name, mobile = p.Mobile, deptIds = p.DeptIds, active = p.Active }),
        };
        using var response = await portal.Http.PutAsJsonAsync(new Uri("_dingtalk/_control/organisation", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The same people in the portal's directory, through the import's own apply step.</summary>
    private static async Task LoadDirectoryAsync(BenchPortal portal, FanOutOrg org)
    {
        var runId = Guid.Empty;
        await using (var db = await portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var run = new ImportRun { RequestedAt = DateTime.UtcNow };
            runId = run.Id;
            db.ImportRuns.Add(run);
            db.ImportStagedDepartments.AddRange(org.Departments.Select(d => new ImportStagedDepartment
            {
                RunId = run.Id, DepartmentId = d.Id, ParentId = d.ParentId, Name = d.Name, ChildrenListed = true, PeopleListed = true,
            }));
            db.ImportStagedPeople.AddRange(org.People.Select(p => new ImportStagedPerson
            {
                RunId = run.Id,
                UserId = p.UserId,
                Profile = JsonSerializer.Serialize(new DingTalkUser(p.UserId, p.Name) { Mobile = p.Mobile, DeptIds = p.DeptIds, Active = p.Active }),
            }));
            await db.SaveChangesAsync();
        }

        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApplyOrgImport>().ExecuteAsync(runId, CancellationToken.None);
    }

    private sealed record Row(string Scenario, int Recipients, int Calls, int Minimum, TimeSpan Planned, TimeSpan Accepted, TimeSpan Recorded, int Qps, long Throttled, int Retried, bool Exact)
    {
        public const string Header =
            "scenario                               recipients  calls minimum   plan s  accepted s  calls/QPS s  ratio  recorded s  90018  retried  each once";

        public string Format()
        {
            var ideal = Calls / (double)Qps;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{Scenario,-38} {Recipients,10:N0} {Calls,6:N0} {Minimum,7:N0} {Planned.TotalSeconds,8:0.00} {Accepted.TotalSeconds,11:0.00} {ideal,12:0.00} {Accepted.TotalSeconds / ideal,6:0.00} {Recorded.TotalSeconds,11:0.00} {Throttled,6} {Retried,8} {(Exact ? "yes" : "NO"),10}");
        }
    }

    /// <summary>One push per scenario, timed from the publisher's click to DingTalk accepting the last call.</summary>
    private sealed class Scenarios(BenchPortal portal, int qps)
    {
        private Guid author;
        private Guid approver;

        public async Task PrepareAsync()
        {
            await using var db = await Db();
            var editors = await db.People.Where(p => p.Active).OrderBy(p => p.UserId).Select(p => p.Id).Take(2).ToListAsync();
            (author, approver) = (editors[0], editors[1]);
        }

        /// <summary>A role whose members were listed by hand: its audience is sent to as lists of userIds.</summary>
        public async Task<Audience> ListAsync(int count)
        {
            await using var db = await Db();
            var role = new Role("fanout-list", "推送名单", isBuiltIn: false);
            db.Roles.Add(role);
            var members = await db.People.Where(p => p.Active).OrderBy(p => p.Id).Select(p => p.Id).Take(count).ToListAsync();
            db.RoleMembers.AddRange(members.Select(id => new RoleMember { RoleId = role.Id, PersonId = id }));
            await db.SaveChangesAsync();
            var audience = new Audience();
            audience.Rules.Add(AudienceRule.ForRole(role.Id));
            return audience;
        }

        public Audience EveryoneButOne()
        {
            var audience = new Audience { Everyone = true };
            audience.Rules.Add(AudienceRule.ForPerson(author, exclude: true));
            return audience;
        }

        public async Task<Row> PublishAsync(string scenario, Audience audience, int minimum)
        {
            var title = $"推送测试 {scenario}";
            var id = await ApprovedAsync(title, audience);
            var (_, throttledBefore) = await portal.StatsAsync(SendEndpoint);
            var started = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PublishArticle>().RunAsync(id, approver, null, confirmed: true, CancellationToken.None);
            }

            var planned = clock.Elapsed;
            var relay = portal.Get<OutboxRelay>();
            while (await relay.RunOnceAsync(CancellationToken.None) > 0)
            {
            }

            var recorded = clock.Elapsed;
            var (_, throttledAfter) = await portal.StatsAsync(SendEndpoint);
            await using var db = await Db();
            var calls = await db.NotificationCalls.Where(c => db.NotificationDispatches.Any(d => d.Id == c.DispatchId && d.ArticleId == id)).ToListAsync();
            var lastAccepted = calls.Max(c => c.SentAt ?? DateTime.MaxValue) - started;
            var callIds = calls.Select(c => c.Id.ToString("D")).ToHashSet(StringComparer.Ordinal);
            var retried = (await db.OutboxMessages.Where(m => m.Attempts > 0).Select(m => m.Payload).ToListAsync()).Count(callIds.Contains);
            var recipients = await db.NotificationDispatches.Where(d => d.ArticleId == id).Select(d => d.Recipients).SingleAsync();
            var exact = await EachOnceAsync(db, audience, title);
            return new Row(scenario, recipients, calls.Count, minimum < 0 ? (recipients + 99) / 100 : minimum, planned, lastAccepted, recorded, qps, throttledAfter - throttledBefore, retried, exact);
        }

        /// <summary>Whether every member of the audience, and nobody else, has the card exactly once in the simulator.</summary>
        private async Task<bool> EachOnceAsync(PortalDb db, Audience audience, string cardTitle)
        {
            var members = (await AudienceMembers.Resolve(db, audience).Select(p => p.UserId).ToListAsync()).ToHashSet(StringComparer.Ordinal);
            var inboxes = portal.Get<SimulatedInboxes>();
            foreach (var person in inboxes.People())
            {
                var copies = inboxes.Messages(person.UserId)!.Count(m => m.Message["action_card"]?["title"]?.GetValue<string>() == cardTitle);
                if (copies != (members.Contains(person.UserId) ? 1 : 0))
                {
                    return false;
                }
            }

            return true;
        }

        private async Task<Guid> ApprovedAsync(string title, Audience audience)
        {
            await using var db = await Db();
            var now = DateTime.UtcNow;
            var article = new Article(ContentKind.News, author, title, audience.Id, now);
            article.Edit(author, title, "全员推送测试", "<p>正文</p>", null, now);
            article.Submit(author, now);
            article.Approve(approver, now);
            db.Audiences.Add(audience);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        }

        private Task<PortalDb> Db() => portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
    }
}
