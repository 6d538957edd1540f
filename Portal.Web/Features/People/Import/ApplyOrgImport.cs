using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client.Contacts;
using Microsoft.Extensions.Options;
using Portal.Domain.Audiences;
using Portal.Domain.Data;
using Portal.Domain.People;
using Portal.Web.Features.Roles;

namespace Portal.Web.Features.People.Import;

/// <summary>
/// The database phase of an import: replaces departments, the closure and memberships with the
/// staged snapshot and upserts people by userId, deactivating whoever DingTalk no longer lists.
/// One transaction: the directory is never seen half-imported.
/// </summary>
public sealed class ApplyOrgImport(IDbContextFactory<PortalDb> dbFactory, IOptionsMonitor<RolesOptions> roles, TimeProvider time)
{
    public async Task ExecuteAsync(Guid runId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var stagedDepartments = await db.ImportStagedDepartments.AsNoTracking().Where(d => d.RunId == runId).ToListAsync(cancellationToken);
        await ApplyDepartmentsAsync(db, stagedDepartments, now, cancellationToken);
        var departmentIds = stagedDepartments.Select(d => d.DepartmentId).ToHashSet();

        var staged = await db.ImportStagedPeople.AsNoTracking().Where(p => p.RunId == runId).ToListAsync(cancellationToken);
        var profiles = staged.Select(p => (Profile: JsonSerializer.Deserialize<DingTalkUser>(p.Profile)!, Leads: LeaderList.Parse(p.LeaderOf))).ToList();
        var (applied, deactivated) = await ApplyPeopleAsync(db, profiles, departmentIds, now, cancellationToken);

        await db.ImportStagedPeople.Where(p => p.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.ImportStagedDepartments.Where(d => d.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        var run = await db.ImportRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.Succeed(applied, deactivated, now);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await RoleMembership.RecomputeAsync(db, roles.CurrentValue.MapDingTalkAdmins, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ApplyDepartmentsAsync(PortalDb db, List<ImportStagedDepartment> staged, DateTime now, CancellationToken cancellationToken)
    {
        var ids = staged.Select(d => d.DepartmentId).ToList();
        await db.Departments.Where(d => !ids.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
        var existing = await db.Departments.ToDictionaryAsync(d => d.Id, cancellationToken);
        foreach (var department in staged)
        {
            if (!existing.TryGetValue(department.DepartmentId, out var row))
            {
                row = new Portal.Domain.People.Department(department.DepartmentId, department.Name, department.ParentId);
                db.Departments.Add(row);
            }

            row.Update(department.Name, department.ParentId, 0, now);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);

        await db.DepartmentClosures.ExecuteDeleteAsync(cancellationToken);
        var parents = staged.ToDictionary(d => d.DepartmentId, d => d.ParentId);
        foreach (var id in parents.Keys)
        {
            var distance = 0;
            for (long? ancestor = id; ancestor is { } current && parents.ContainsKey(current); ancestor = parents[current], distance++)
            {
                db.DepartmentClosures.Add(new DepartmentClosure { AncestorId = current, DescendantId = id, Distance = distance });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task<(int Applied, int Deactivated)> ApplyPeopleAsync(
        PortalDb db, List<(DingTalkUser Profile, HashSet<long> Leads)> staged, HashSet<long> departmentIds, DateTime now, CancellationToken cancellationToken)
    {
        var people = await db.People.ToDictionaryAsync(p => p.UserId, StringComparer.Ordinal, cancellationToken);
        var listed = staged.Select(s => s.Profile.UserId).ToHashSet(StringComparer.Ordinal);

        // A mobile moves to its new owner: clear it from anyone else first, or the unique index refuses.
        var mobiles = staged.Where(s => !string.IsNullOrEmpty(s.Profile.Mobile)).ToDictionary(s => s.Profile.Mobile!, s => s.Profile.UserId, StringComparer.Ordinal);
        foreach (var person in people.Values.Where(p => p.Mobile is not null && mobiles.TryGetValue(p.Mobile, out var owner) && owner != p.UserId))
        {
            person.Mobile = null;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);

        var deactivated = 0;
        foreach (var person in people.Values.Where(p => p.Active && !listed.Contains(p.UserId)))
        {
            person.Active = false;
            person.UpdatedAt = now;
            deactivated++;
        }

        var added = new List<Person>();
        foreach (var (profile, _) in staged)
        {
            if (!people.TryGetValue(profile.UserId, out var person))
            {
                person = new Person(profile.UserId, profile.Name);
                people[profile.UserId] = person;
                added.Add(person);
            }

            Copy(profile, person, now);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.PeopleAsync(db, added, cancellationToken);

        await ApplyMembershipsAsync(db, staged, people, departmentIds, cancellationToken);
        return (staged.Count, deactivated);
    }

    // Memberships change little between imports: touch only the rows that differ.
    private static async Task ApplyMembershipsAsync(
        PortalDb db, List<(DingTalkUser Profile, HashSet<long> Leads)> staged, Dictionary<string, Person> people, HashSet<long> departmentIds, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var wanted = new Dictionary<(Guid, long), bool>();
        foreach (var (profile, leads) in staged)
        {
            var personId = people[profile.UserId].Id;
            foreach (var departmentId in profile.DeptIds.Where(departmentIds.Contains))
            {
                wanted[(personId, departmentId)] = leads.Contains(departmentId);
            }
        }

        var existing = await db.PersonDepartments.ToListAsync(cancellationToken);
        foreach (var membership in existing)
        {
            if (!wanted.Remove((membership.PersonId, membership.DepartmentId), out var isLeader))
            {
                db.PersonDepartments.Remove(membership);
            }
            else if (membership.IsLeader != isLeader)
            {
                membership.IsLeader = isLeader;
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.MembershipsAsync(db, [.. wanted.Select(w => new PersonDepartment { PersonId = w.Key.Item1, DepartmentId = w.Key.Item2, IsLeader = w.Value })], cancellationToken);
    }

    private static void Copy(DingTalkUser profile, Person person, DateTime now)
    {
        var before = (person.Active, person.AdminLevel);
        var changed = DingTalkProfile.Apply(profile, person);
        person.Active = profile.Active ?? true;
        person.AdminLevel = DingTalkProfile.AdminLevel(profile, person.AdminLevel);
        if (changed || before != (person.Active, person.AdminLevel))
        {
            person.UpdatedAt = now;
        }
    }
}
