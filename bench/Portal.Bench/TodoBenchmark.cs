using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.DingTalk.Simulator;
using Portal.Domain.Data;
using Portal.Domain.Integration;
using Portal.Domain.Outbox;
using Portal.Domain.People;
using Portal.Domain.Todos;
using Portal.Web.Features.Integration.Todos;
using Portal.Web.Features.Outbox;
using Portal.Web.Features.People.Import;
using Portal.Web.Features.Todos;
using Portal.Web.Infrastructure.Data;

namespace Portal.Bench;

/// <summary>
/// 10,000 to-dos for 10,000 people upserted in batches of 500 through the batch API's own use case
/// (request body in, assignees resolved by userId, to-dos with their assignment and mirror messages
/// saved): to-dos per second, the same batches again (unchanged: nothing new to send), the DingTalk calls they cause, and a
/// sample of those delivered through the relay, typed client and simulator at the client's pace.
/// </summary>
internal static class TodoBenchmark
{
    private const int BatchSize = 500;
    private const string SendEndpoint = "oapi POST /topapi/message/corpconversation/asyncsend_v2";
    private const string CreateEndpoint = "api POST /v1.0/todo/users/{unionId}/tasks";

    public static async Task RunAsync(int people, int todos, int deliver, string? postgres)
    {
        var org = FanOutOrg.Generate(people);
        var path = Path.Combine(Path.GetTempPath(), $"portal-todos-{Guid.NewGuid():n}.db");
        await RunOnAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={path}", org, todos, deliver);
        File.Delete(path);
        if (!string.IsNullOrEmpty(postgres))
        {
            var database = "portal_todos_" + Guid.NewGuid().ToString("n")[..8];
            await FanOutBenchmark.AdministerAsync(postgres, "CREATE DATABASE " + database);
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database };
            await RunOnAsync("PostgreSQL", DatabaseProvider.Postgres, builder.ConnectionString, org, todos, deliver);
            await FanOutBenchmark.AdministerAsync(postgres, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static async Task RunOnAsync(string label, DatabaseProvider provider, string connectionString, FanOutOrg org, int todos, int deliver)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"portal-todos-sim-{Guid.NewGuid():n}");
        await using var portal = BenchPortal.Start(BenchPortal.DrivenSettings(provider, connectionString, folder));
        await FanOutBenchmark.LoadSimulatorAsync(portal, org);
        await LoadDirectoryAsync(portal);
        var clientId = await ClientAsync(portal);
        var assignees = await AssigneesAsync(portal, todos);
        Console.WriteLine($"to-dos ({label}): {todos:N0} to-dos for {assignees.Distinct().Count():N0} people, batches of {BatchSize}");

        var first = await UpsertAllAsync(portal, clientId, assignees);
        var again = await UpsertAllAsync(portal, clientId, assignees);
        await using (var db = await portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            var assigned = await db.OutboxMessages.CountAsync(m => m.Kind == TodoOutbox.AssignedKind);
            var mirrors = await db.OutboxMessages.CountAsync(m => m.Kind == TodoOutbox.MirrorKind);
            var options = portal.Get<IOptionsMonitor<DingTalkClientOptions>>().CurrentValue;
            var (sendQps, todoQps) = (options.QpsFor(DingTalkApiNames.MessageSend), options.QpsFor(DingTalkApiNames.TodoCreate));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first upsert:  {first.Created,6:N0} new      {first.Elapsed.TotalSeconds,7:0.00} s  {todos / first.Elapsed.TotalSeconds,8:0} to-dos/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  same again:    {again.Created,6:N0} new      {again.Elapsed.TotalSeconds,7:0.00} s  {todos / again.Elapsed.TotalSeconds,8:0} to-dos/s"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  DingTalk calls caused: {assigned:N0} work notifications ({sendQps} QPS: {assigned / (double)sendQps / 60:0.0} min) + {mirrors:N0} to-do creates ({todoQps} QPS: {mirrors / (double)todoQps / 60:0.0} min)"));
        }

        if (deliver > 0)
        {
            await DeliverSampleAsync(portal, deliver);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Through the API's own batch upsert (<see cref="UpsertTodoBatch"/>), one request body per batch, as an OA system sends them.</summary>
    private static async Task<(int Created, TimeSpan Elapsed)> UpsertAllAsync(BenchPortal portal, Guid clientId, List<string> assignees)
    {
        var created = 0;
        const string due = "2026-12-31T18:00:00+08:00";
        var clock = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, assignees.Count).Chunk(BatchSize))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                items = batch.Select(index => new
                {
                    externalId = ExternalId(index),
                    title = $"采购申请 PR-{index:D6} 待审批",
                    description = "办公用品采购，金额 1,200 元",
                    assignees = new[] { new { userId = assignees[index] } },
                    due,
                    formFields = new[] { new { key = "金额", value = "1,200 元" } },
                    actions = new object[] { new { key = "approve", label = "同意" }, new { key = "reject", label = "拒绝", requiresComment = true } },
                }),
            });
            using var scope = portal.Services.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<UpsertTodoBatch>().RunAsync(clientId, body, CancellationToken.None);
            var results = outcome.Result?.Items ?? throw new InvalidOperationException("the batch was refused: " + outcome.Problem?.ProblemDetails.Detail);
            if (results.FirstOrDefault(r => r.Status >= 400) is { } refused)
            {
                throw new InvalidOperationException($"item {refused.ExternalId} was refused: {(refused.Errors is { Count: > 0 } errors ? errors[0].Message : "")}");
            }

            created += results.Count(r => r.Status == StatusCodes.Status201Created);
        }

        return (created, clock.Elapsed);
    }

    /// <summary>Delivers about <paramref name="count"/> messages at the client's real pace and counts what the simulator answered.</summary>
    private static async Task DeliverSampleAsync(BenchPortal portal, int count)
    {
        var (sendsBefore, _) = await portal.StatsAsync(SendEndpoint);
        var (createsBefore, _) = await portal.StatsAsync(CreateEndpoint);
        var relay = portal.Get<OutboxRelay>();
        var clock = Stopwatch.StartNew();
        var taken = 0;
        while (taken < count && await relay.RunOnceAsync(CancellationToken.None) is var pass and > 0)
        {
            taken += pass;
        }

        var elapsed = clock.Elapsed;
        var (sends, sendErrors) = await portal.StatsAsync(SendEndpoint);
        var (creates, createErrors) = await portal.StatsAsync(CreateEndpoint);
        await using var db = await portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var delivered = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Delivered);
        var retried = await db.OutboxMessages.CountAsync(m => m.Attempts > 0);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  delivered sample: {delivered:N0} messages in {elapsed.TotalSeconds:0.0} s ({delivered / elapsed.TotalSeconds:0.0}/s): {sends - sendsBefore:N0} notifications ({sendErrors} refused), {creates - createsBefore:N0} to-do creates ({createErrors} refused), {retried} retried"));
    }

    private static string ExternalId(int index) => "PR-" + index.ToString("D6", CultureInfo.InvariantCulture);


    private static async Task<Guid> ClientAsync(BenchPortal portal)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var client = new IntegrationClient { Name = "bench-oa", KeyHash = IntegrationClient.Hash("bench-key"), KeyPrefix = "bench", Scopes = IntegrationClient.TodosWrite, CreatedAt = DateTime.UtcNow };
        db.IntegrationClients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    }

    /// <summary>One active person per to-do, round the directory when there are more to-dos than people.</summary>
    private static async Task<List<string>> AssigneesAsync(BenchPortal portal, int todos)
    {
        await using var db = await portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var people = await db.People.Where(p => p.Active && p.UnionId != null).OrderBy(p => p.UserId).Select(p => p.UserId).ToListAsync();
        return [.. Enumerable.Range(0, todos).Select(i => people[i % people.Count])];
    }

    /// <summary>The simulator's people, unionIds included, into the portal's directory through the import's apply step.</summary>
    private static async Task LoadDirectoryAsync(BenchPortal portal)
    {
        var simulated = portal.Get<SimulatedInboxes>().People();
        Guid runId;
        await using (var db = await portal.Get<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var run = new ImportRun { RequestedAt = DateTime.UtcNow };
            runId = run.Id;
            db.ImportRuns.Add(run);
            db.ImportStagedDepartments.Add(new ImportStagedDepartment { RunId = run.Id, DepartmentId = 1, Name = "星河集团", ChildrenListed = true, PeopleListed = true });
            db.ImportStagedPeople.AddRange(simulated.Select(p => new ImportStagedPerson
            {
                RunId = run.Id,
                UserId = p.UserId,
                Profile = JsonSerializer.Serialize(new DingTalkUser(p.UserId, p.Name) { UnionId = p.UnionId, Mobile = "1" + p.UserId.GetHashCode(StringComparison.Ordinal).ToString("D10", CultureInfo.InvariantCulture)[^10..], DeptIds = [1], Active = p.Active }),
            }));
            await db.SaveChangesAsync();
        }

        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApplyOrgImport>().ExecuteAsync(runId, CancellationToken.None);
    }
}
