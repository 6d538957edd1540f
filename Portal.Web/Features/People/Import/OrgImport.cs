using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Web.Features.People.Import;

/// <summary>
/// Full import of the organisation: walks DingTalk's department tree and lists each department's
/// members (paged), staging everything per run so an interrupted run resumes, then applies the
/// snapshot in one transaction. Safe to repeat: the same organisation imports to the same rows.
/// </summary>
public sealed class OrgImport(
    IDbContextFactory<PortalDb> dbFactory,
    DepartmentClient departments,
    UserClient users,
    ApplyOrgImport apply,
    ImportSignal signal,
    TimeProvider time,
    ILogger<OrgImport> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Queues a run, or returns the one already queued or running.</summary>
    public async Task<ImportRun> RequestAsync(string? requestedBy, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.ImportRuns.Where(r => r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running)
            .OrderBy(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return open;
        }

        var run = new ImportRun { RequestedBy = requestedBy, RequestedAt = Now() };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise();
        return run;
    }

    /// <summary>Runs (or resumes) a run unless another instance holds its lease. Returns whether it ran.</summary>
    public async Task<bool> RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(runId, cancellationToken))
        {
            return false;
        }

        try
        {
            await DiscoverDepartmentsAsync(runId, cancellationToken);
            await ListPeopleAsync(runId, cancellationToken);
            await ReportAsync(runId, ImportPhase.Applying, cancellationToken);
            await apply.ExecuteAsync(runId, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Import {RunId} failed", runId);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var run = await db.ImportRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
            run.Fail(exception is DingTalkException dingTalk ? $"DingTalk {dingTalk.Kind} {dingTalk.Code} ({dingTalk.Api})" : exception.Message, Now());
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
    }

    private async Task<bool> ClaimAsync(Guid runId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Status is ImportStatus.Succeeded or ImportStatus.Failed
            || (run.Status == ImportStatus.Running && run.LeaseUntil > now))
        {
            return false;
        }

        run.Start(now, now + Lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task DiscoverDepartmentsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ImportStagedDepartments.AnyAsync(d => d.RunId == runId, cancellationToken))
        {
            var root = await departments.GetAsync(DepartmentClient.RootDeptId, "zh_CN", cancellationToken);
            db.ImportStagedDepartments.Add(new ImportStagedDepartment { RunId = runId, DepartmentId = root.DeptId, Name = root.Name, ParentId = null });
            await db.SaveChangesAsync(cancellationToken);
        }

        while (await db.ImportStagedDepartments.Where(d => d.RunId == runId && !d.ChildrenListed).OrderBy(d => d.DepartmentId).FirstOrDefaultAsync(cancellationToken) is { } next)
        {
            var known = await db.ImportStagedDepartments.Where(d => d.RunId == runId).Select(d => d.DepartmentId).ToHashSetAsync(cancellationToken);
            foreach (var child in await departments.ListChildrenAsync(next.DepartmentId, "zh_CN", cancellationToken))
            {
                if (known.Add(child.DeptId))
                {
                    db.ImportStagedDepartments.Add(new ImportStagedDepartment { RunId = runId, DepartmentId = child.DeptId, ParentId = next.DepartmentId, Name = child.Name });
                }
            }

            next.ChildrenListed = true;
            await db.SaveChangesAsync(cancellationToken);
            await ReportAsync(runId, ImportPhase.Departments, cancellationToken);
        }
    }

    private async Task ListPeopleAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        while (await db.ImportStagedDepartments.Where(d => d.RunId == runId && !d.PeopleListed).OrderBy(d => d.DepartmentId).FirstOrDefaultAsync(cancellationToken) is { } department)
        {
            var staged = await db.ImportStagedPeople.Where(p => p.RunId == runId).ToDictionaryAsync(p => p.UserId, StringComparer.Ordinal, cancellationToken);
            await foreach (var user in users.ListAllAsync(department.DepartmentId, UserClient.MaxPageSize, cancellationToken))
            {
                if (!staged.TryGetValue(user.UserId, out var person))
                {
                    person = new ImportStagedPerson { RunId = runId, UserId = user.UserId, Profile = JsonSerializer.Serialize(user) };
                    staged[user.UserId] = person;
                    db.ImportStagedPeople.Add(person);
                }

                if (user.Leader == true)
                {
                    person.LeaderOf = LeaderList.Add(person.LeaderOf, department.DepartmentId);
                }
            }

            department.PeopleListed = true;
            await db.SaveChangesAsync(cancellationToken);
            await ReportAsync(runId, ImportPhase.People, cancellationToken);
        }
    }

    private async Task ReportAsync(Guid runId, ImportPhase phase, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.ImportStagedDepartments.CountAsync(d => d.RunId == runId, cancellationToken);
        var listed = await db.ImportStagedDepartments.CountAsync(d => d.RunId == runId && d.PeopleListed, cancellationToken);
        var people = await db.ImportStagedPeople.CountAsync(p => p.RunId == runId, cancellationToken);
        var run = await db.ImportRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.Progress(phase, found, listed, people, Now() + Lease);
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
