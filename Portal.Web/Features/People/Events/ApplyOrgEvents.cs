using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client;
using Portal.DingTalk.Events;
using Portal.Domain.Data;
using Portal.Domain.DingTalkEvents;
using Portal.Domain.Audiences;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Roles;

namespace Portal.Web.Features.People.Events;

/// <summary>
/// Applies recorded org events to the directory, oldest first. Each event is claimed for a short lease
/// (so two instances never apply one at once), re-read from DingTalk and marked processed; one that
/// fails is tried again with a growing delay. Applying is idempotent: a redelivered event changes
/// nothing more.
/// </summary>
public sealed class ApplyOrgEvents(
    IDbContextFactory<PortalDb> dbFactory,
    RefreshPeople people,
    RefreshDepartments departments,
    IOptionsMonitor<RolesOptions> roles,
    TimeProvider time,
    ILogger<ApplyOrgEvents> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int BatchSize = 50;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    /// <returns>How many events this pass applied, failed or ignored.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.ReceivedDingTalkEvents.AsNoTracking()
                .Where(e => e.ProcessedAt == null && (e.NextAttemptAt == null || e.NextAttemptAt <= now) && (e.LockedUntil == null || e.LockedUntil < now))
                .OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var handled = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, cancellationToken))
            {
                await ApplyAsync(id, cancellationToken);
                handled++;
            }
        }

        return handled;
    }

    private async Task<bool> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReceivedDingTalkEvents
            .Where(e => e.Id == id && e.ProcessedAt == null && (e.LockedUntil == null || e.LockedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.LockedUntil, (DateTime?)(now + Lease)), cancellationToken) == 1;
    }

    private async Task ApplyAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var received = await db.ReceivedDingTalkEvents.SingleAsync(e => e.Id == id, cancellationToken);
        string? error = null;
        try
        {
            var orgEvent = OrgEventParser.Parse(received.Payload, new OrgEventEnvelope(received.EventType));
            await ApplyAsync(db, orgEvent, cancellationToken);
        }
        catch (FormatException exception)
        {
            logger.LogWarning("Org event {EventId} ({EventType}) ignored: {Reason}", received.Id, received.EventType, exception.Message);
        }
        catch (Exception exception) when (exception is DingTalkException or DbUpdateException)
        {
            error = exception is DingTalkException dingTalk ? $"DingTalk {dingTalk.Kind} {dingTalk.Code} ({dingTalk.Api})" : exception.GetType().Name;
            logger.LogWarning(exception, "Org event {EventId} ({EventType}) failed; tried again later", received.Id, received.EventType);
        }

        db.ChangeTracker.Clear();
        var row = await db.ReceivedDingTalkEvents.SingleAsync(e => e.Id == id, CancellationToken.None);
        var now = time.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            row.MarkProcessed(now);
        }
        else if (row.Fail(error, now, now + RetryDelay(row.Attempts + 1)))
        {
            logger.LogError("Org event {EventId} ({EventType}) given up after {Attempts} attempts: {Error}", row.Id, row.EventType, row.Attempts, error);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    // DingTalk is asked first; what it said is then written in one transaction, so nobody sees half a
    // change and no write lock is held while DingTalk answers.
    private async Task ApplyAsync(PortalDb db, OrgEvent orgEvent, CancellationToken cancellationToken)
    {
        var mapAdmins = roles.CurrentValue.MapDingTalkAdmins;
        switch (orgEvent.Kind)
        {
            case OrgEventKind.UserLeaveOrg or OrgEventKind.UserAddOrg or OrgEventKind.UserModifyOrg or OrgEventKind.UserActiveOrg
                or OrgEventKind.UserDeptChange or OrgEventKind.UserRoleChange or OrgEventKind.OrgAdminAdd or OrgEventKind.OrgAdminRemove:
                var read = await people.ReadAsync(db, orgEvent.UserIds, left: orgEvent.Kind == OrgEventKind.UserLeaveOrg, cancellationToken);
                await InTransactionAsync(db, async () =>
                {
                    foreach (var personId in await people.WriteAsync(db, read, cancellationToken))
                    {
                        await RoleMembership.RecomputeAsync(db, mapAdmins, personId, cancellationToken);
                    }
                }, cancellationToken);
                break;
            case OrgEventKind.OrgDeptCreate or OrgEventKind.OrgDeptModify or OrgEventKind.OrgDeptRemove:
                var reads = await departments.ReadAsync(db, orgEvent.DeptIds, onlyUnknown: false, cancellationToken);
                await InTransactionAsync(db, async () =>
                {
                    await departments.WriteAsync(db, reads, cancellationToken);

                    // Department rules of roles follow the tree.
                    await RoleMembership.RecomputeAsync(db, mapAdmins, null, cancellationToken);
                }, cancellationToken);
                break;
            default:
                // Nothing of the directory changes (the organisation's own name, labels).
                break;
        }
    }

    private static async Task InTransactionAsync(PortalDb db, Func<Task> write, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await write();
        await transaction.CommitAsync(cancellationToken);
    }

    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxRetryDelay.TotalSeconds, 5 * Math.Pow(2, attempt - 1)));
}
