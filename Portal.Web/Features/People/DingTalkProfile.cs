using Microsoft.EntityFrameworkCore;
using Portal.DingTalk.Client.Contacts;
using Portal.Domain.Data;
using Portal.Domain.People;

namespace Portal.Web.Features.People;

/// <summary>Copies what DingTalk says about a person onto the directory, the same way at import, at sign-in and on org events.</summary>
public static class DingTalkProfile
{
    /// <returns>Whether anything changed.</returns>
    public static bool Apply(DingTalkUser profile, Person person)
    {
        var before = (person.Name, person.UnionId, person.Mobile, person.Title, person.JobNumber, person.Email, person.AvatarUrl, person.DingTalkRoles, person.HiredAt);
        person.Name = profile.Name;
        person.UnionId = profile.UnionId ?? person.UnionId;

        // DingTalk omits the mobile when the app may not read it; an absent one is not a removed one.
        person.Mobile = string.IsNullOrEmpty(profile.Mobile) ? person.Mobile : profile.Mobile;
        person.Title = profile.Title;
        person.JobNumber = profile.JobNumber;
        person.Email = profile.Email ?? profile.OrgEmail;
        person.AvatarUrl = profile.Avatar;
        person.SetDingTalkRoles(profile.Roles.Select(r => r.Name));
        person.HiredAt = profile.HiredDate is { } hired ? DateTimeOffset.FromUnixTimeMilliseconds(hired).UtcDateTime : null;
        return before != (person.Name, person.UnionId, person.Mobile, person.Title, person.JobNumber, person.Email, person.AvatarUrl, person.DingTalkRoles, person.HiredAt);
    }

    /// <summary>
    /// The admin level the contacts API implies. It says only whether someone is an admin, not which
    /// kind, so an admin is recorded as at least a sub-admin (2); only sign-in learns the exact level.
    /// </summary>
    public static int AdminLevel(DingTalkUser profile, int current) => profile.Admin == true ? Math.Max(current, 2) : 0;

    /// <summary>The departments the person sits in, and leads, as DingTalk lists them.</summary>
    /// <returns>Whether anything changed.</returns>
    public static bool ApplyMemberships(DingTalkUser profile, Person person)
    {
        var leads = profile.LeaderInDepts.Where(l => l.Leader).Select(l => l.DeptId).ToHashSet();
        var wanted = profile.DeptIds.ToHashSet();
        var changed = person.Departments.RemoveAll(d => !wanted.Contains(d.DepartmentId)) > 0;
        foreach (var departmentId in wanted)
        {
            var membership = person.Departments.FirstOrDefault(d => d.DepartmentId == departmentId);
            if (membership is null)
            {
                person.Departments.Add(new PersonDepartment { DepartmentId = departmentId, IsLeader = leads.Contains(departmentId) });
                changed = true;
            }
            else if (membership.IsLeader != leads.Contains(departmentId))
            {
                membership.IsLeader = !membership.IsLeader;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>A mobile moves to whoever DingTalk now gives it to; the unique index would refuse otherwise.</summary>
    public static async Task ReleaseMobileAsync(PortalDb db, DingTalkUser profile, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(profile.Mobile))
        {
            await db.People.Where(p => p.Mobile == profile.Mobile && p.UserId != profile.UserId)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Mobile, (string?)null), cancellationToken);
        }
    }
}
