using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client;
using Portal.DingTalk.Client.Contacts;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Web.Features.People.Events;

/// <summary>What DingTalk says of the people an event names (null: no longer an active member), and of departments they sit in that the portal does not know yet.</summary>
public sealed record PeopleRead(IReadOnlyList<(string UserId, DingTalkUser? Profile)> People, IReadOnlyList<DepartmentRead> Departments);

/// <summary>
/// Brings people in line with DingTalk in two steps: <see cref="ReadAsync"/> re-reads each one,
/// <see cref="WriteAsync"/> updates them or deactivates those DingTalk no longer lists as active.
/// A leaver is deactivated even while DingTalk cannot be asked, since the event itself is signed by
/// DingTalk; only a re-read that shows the person active again (a stale event) keeps them.
/// </summary>
public sealed class RefreshPeople(UserClient users, RefreshDepartments departments, TimeProvider time, ILogger<RefreshPeople> logger)
{
    public async Task<PeopleRead> ReadAsync(PortalDb db, IReadOnlyCollection<string> userIds, bool left, CancellationToken cancellationToken)
    {
        var people = new List<(string, DingTalkUser?)>();
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            var profile = await ReadAsync(userId, left, cancellationToken);
            people.Add((userId, profile is { Active: false } ? null : profile));
        }

        var unknown = await departments.ReadAsync(db, people.SelectMany(p => p.Item2?.DeptIds ?? []), onlyUnknown: true, cancellationToken);
        return new PeopleRead(people, unknown);
    }

    /// <returns>The ids of the people changed.</returns>
    public async Task<IReadOnlyList<Guid>> WriteAsync(PortalDb db, PeopleRead read, CancellationToken cancellationToken)
    {
        await departments.WriteAsync(db, read.Departments, cancellationToken);
        var changed = new List<Guid>();
        foreach (var (userId, profile) in read.People)
        {
            var person = await db.People.Include(p => p.Departments).SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            person = profile is null ? Deactivate(person) : await UpdateAsync(db, person, profile, cancellationToken);
            if (person is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
                changed.Add(person.Id);
            }
        }

        return changed;
    }

    private async Task<DingTalkUser?> ReadAsync(string userId, bool left, CancellationToken cancellationToken)
    {
        try
        {
            return await users.GetAsync(userId, "zh_CN", cancellationToken);
        }
        catch (DingTalkException exception) when (exception.Kind == DingTalkErrorKind.BadRequest)
        {
            // 60121: no such person any more.
            return null;
        }
        catch (DingTalkException exception) when (left)
        {
            logger.LogWarning("Leaver {UserId} deactivated without a re-read: DingTalk answered {Kind} {Code}", userId, exception.Kind, exception.Code);
            return null;
        }
    }

    private Person? Deactivate(Person? person)
    {
        if (person is not { Active: true })
        {
            return person;
        }

        person.Active = false;
        person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Person {PersonId} deactivated: no longer in the organisation", person.Id);
        }

        return person;
    }

    private async Task<Person> UpdateAsync(PortalDb db, Person? person, DingTalkUser profile, CancellationToken cancellationToken)
    {
        if (person is null)
        {
            person = new Person(profile.UserId, profile.Name);
            db.People.Add(person);
        }

        await DingTalkProfile.ReleaseMobileAsync(db, profile, cancellationToken);
        var before = (person.Active, person.AdminLevel);
        var changed = DingTalkProfile.Apply(profile, person) | DingTalkProfile.ApplyMemberships(profile, person);
        person.Active = true;
        person.AdminLevel = DingTalkProfile.AdminLevel(profile, person.AdminLevel);
        if (changed || before != (person.Active, person.AdminLevel))
        {
            person.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }

        return person;
    }
}
