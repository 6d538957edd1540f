using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audiences;
using Portal.Domain.Data;

namespace Portal.Web.Features.Integration.Api;

/// <summary>
/// Turns the caller's department ids, role keys and DingTalk userIds into an audience of the portal's
/// own, naming every id the directory does not know (people who left count as unknown).
/// </summary>
public static class ApiAudience
{
    public static async Task<Audience?> ResolveAsync(PortalDb db, AudienceRequest request, RequestErrors errors, CancellationToken cancellationToken)
    {
        var departments = request.Departments;
        var knownDepartments = (await db.Departments.Where(d => departments.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();
        var roleKeys = request.Roles;
        var roles = await db.Roles.Where(r => roleKeys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, r => r.Id, StringComparer.Ordinal, cancellationToken);
        var userIds = request.Users;
        var people = await db.People.Where(p => p.Active && userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.Id, StringComparer.Ordinal, cancellationToken);

        Unknown(departments, id => knownDepartments.Contains(id), "departments", "unknown-department", id => $"No department {id}.", errors);
        Unknown(roleKeys, key => roles.ContainsKey(key), "roles", "unknown-role", key => $"No role \"{key}\".", errors);
        Unknown(userIds, id => people.ContainsKey(id), "users", "unknown-user", id => $"No active person with userId \"{id}\".", errors);
        if (errors.Any)
        {
            return null;
        }

        if (request.Everyone)
        {
            return Audience.ForEveryone();
        }

        var audience = new Audience();
        audience.Rules.AddRange(departments.Distinct().Select(id => AudienceRule.ForDepartment(id, request.IncludeSubdepartments)));
        audience.Rules.AddRange(roleKeys.Distinct().Select(key => AudienceRule.ForRole(roles[key])));
        audience.Rules.AddRange(userIds.Distinct().Select(id => AudienceRule.ForPerson(people[id])));
        return audience;
    }

    private static void Unknown<T>(IReadOnlyList<T> values, Func<T, bool> known, string name, string code, Func<T, string> message, RequestErrors errors)
    {
        for (var index = 0; index < values.Count; index++)
        {
            if (!known(values[index]))
            {
                errors.Add($"audience.{name}[{index}]", code, message(values[index]));
            }
        }
    }
}
