using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Roles;

/// <summary>The roles beyond employee people hold, for showing beside their names where one picks whom to be.</summary>
public static class RoleHolders
{
    /// <summary>In the order badges are shown.</summary>
    public static readonly string[] Shown = [Role.Editor, Role.Approver, Role.Admin];

    /// <returns>Per userId (only people holding one), the shown roles they hold.</returns>
    public static async Task<Dictionary<string, IReadOnlyList<string>>> OfAsync(PortalDb db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        var held = await (from member in db.RoleMembers.AsNoTracking()
                          join role in db.Roles on member.RoleId equals role.Id
                          join person in db.People on member.PersonId equals person.Id
                          where Shown.Contains(role.Key) && userIds.Contains(person.UserId)
                          select new { person.UserId, role.Key }).ToListAsync(cancellationToken);
        return held.GroupBy(h => h.UserId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)[.. Shown.Where(key => g.Any(h => h.Key == key))]);
    }
}
